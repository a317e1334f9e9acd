package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.EdgeIR;
import dev.flowconf.kernel.ir.NodeIR;
import dev.flowconf.kernel.json.JsonValue;
import java.util.List;

/**
 * DAG201: an edge may not join two different named types. Only named→named is compared;
 * {@code opaque} on either side is compatible with anything. Edges with an unknown end are skipped
 * (DAG202 covers them).
 */
final class PortTypeCheck implements FlowCheck {
    @Override
    public void check(FlowIndex flow, List<Diagnostic> out) {
        for (EdgeIR edge : flow.flow.edges()) {
            NodeIR from = flow.node(edge.from());
            NodeIR to = flow.node(edge.to());
            if (from == null || to == null) continue;
            String produced = namedType(from.outSchema());
            String expected = namedType(to.inSchema());
            if (produced != null && expected != null && !produced.equals(expected)) {
                out.add(new Diagnostic("DAG201", "edge " + FlowIndex.edgeName(edge) + " carries `" + produced
                        + "` from `" + edge.from() + "` but `" + edge.to() + "` expects `" + expected + "`",
                        FlowIndex.edgeName(edge)));
            }
        }
    }

    /** The name of a {@code {"kind":"named","name":…}} schema ref; null for opaque. */
    private static String namedType(JsonValue schema) {
        if (!"named".equals(JsonFields.string(JsonFields.get(schema, "kind")))) return null;
        return JsonFields.string(JsonFields.get(schema, "name"));
    }
}
