package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.EdgeIR;
import java.util.List;

/** CTRL101: a zero edge timeout would fail every message; absent means no timeout. */
final class EdgeTimeoutCheck implements FlowCheck {
    @Override
    public void check(FlowIndex flow, List<Diagnostic> out) {
        for (EdgeIR edge : flow.flow.edges()) {
            if (edge.timeoutMs() != null && edge.timeoutMs() == 0L) {
                out.add(new Diagnostic("CTRL101", "edge " + FlowIndex.edgeName(edge)
                        + " has timeout_ms 0; a timeout must be positive", FlowIndex.edgeName(edge)));
            }
        }
    }
}
