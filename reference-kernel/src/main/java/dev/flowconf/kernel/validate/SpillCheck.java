package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.EdgeIR;
import dev.flowconf.kernel.ir.NodeIR;
import java.util.List;

/**
 * SPILL001: spilling is what happens when a bounded buffer is full, so a spill tier needs
 * {@code max_items}. SPILL002: spilled payloads go to blob storage, so some node must declare a
 * {@code resource::blob::} effect hint; reported once per flow, at the first spilling edge.
 */
final class SpillCheck implements FlowCheck {
    @Override
    public void check(FlowIndex flow, List<Diagnostic> out) {
        boolean blobDeclared = anyBlobHint(flow);
        boolean blobReported = false;
        for (EdgeIR edge : flow.flow.edges()) {
            String tier = JsonFields.string(edge.buffer().get("spill_tier"));
            if (tier == null) continue;
            String name = FlowIndex.edgeName(edge);
            if (!JsonFields.present(edge.buffer().get("max_items"))) {
                out.add(new Diagnostic("SPILL001", "edge " + name + " sets spill_tier `" + tier
                        + "` without buffer.max_items", name));
            }
            if (!blobDeclared && !blobReported) {
                out.add(new Diagnostic("SPILL002", "edge " + name + " sets spill_tier `" + tier
                        + "` but no node declares a `resource::blob::` effect hint", name));
                blobReported = true;
            }
        }
    }

    private static boolean anyBlobHint(FlowIndex flow) {
        for (NodeIR node : flow.flow.nodes()) {
            for (String hint : node.effectHints()) {
                if (hint.startsWith("resource::blob::")) return true;
            }
        }
        return false;
    }
}
