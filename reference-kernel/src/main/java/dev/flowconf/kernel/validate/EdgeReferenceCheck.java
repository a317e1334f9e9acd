package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.EdgeIR;
import java.util.List;

/**
 * DAG202: both ends of every edge must be node aliases. Upstream emits DAG202 for edges only;
 * aliases named by control surfaces are checked by the surface checks (CTRL120/110/131).
 */
final class EdgeReferenceCheck implements FlowCheck {
    @Override
    public void check(FlowIndex flow, List<Diagnostic> out) {
        for (EdgeIR edge : flow.flow.edges()) {
            if (!flow.hasNode(edge.from())) {
                out.add(new Diagnostic("DAG202", "edge " + FlowIndex.edgeName(edge) + " starts at unknown node `"
                        + edge.from() + "`", FlowIndex.edgeName(edge)));
            }
            if (!flow.hasNode(edge.to())) {
                out.add(new Diagnostic("DAG202", "edge " + FlowIndex.edgeName(edge) + " ends at unknown node `"
                        + edge.to() + "`", FlowIndex.edgeName(edge)));
            }
        }
    }
}
