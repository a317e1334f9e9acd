package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.EdgeIR;
import java.util.List;

/** CTRL102: a zero-item buffer could never pass a message; absent means the runtime default. */
final class BufferSizeCheck implements FlowCheck {
    @Override
    public void check(FlowIndex flow, List<Diagnostic> out) {
        for (EdgeIR edge : flow.flow.edges()) {
            Long maxItems = JsonFields.u64(edge.buffer().get("max_items"));
            if (maxItems != null && maxItems == 0L) {
                out.add(new Diagnostic("CTRL102", "edge " + FlowIndex.edgeName(edge)
                        + " has buffer.max_items 0; a buffer must hold at least one item", FlowIndex.edgeName(edge)));
            }
        }
    }
}
