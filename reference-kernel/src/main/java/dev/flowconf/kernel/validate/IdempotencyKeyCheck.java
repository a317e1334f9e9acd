package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.NodeIR;
import java.util.List;

/** DAG004: an effectful node may be retried, so it must say how to deduplicate (idempotency.key). */
final class IdempotencyKeyCheck implements FlowCheck {
    @Override
    public void check(FlowIndex flow, List<Diagnostic> out) {
        for (NodeIR node : flow.flow.nodes()) {
            if ("effectful".equals(node.effects()) && !hasKey(node)) {
                out.add(new Diagnostic("DAG004", "effectful node `" + node.alias() + "` has no idempotency.key",
                        node.alias()));
            }
        }
    }

    static boolean hasKey(NodeIR node) {
        return JsonFields.string(JsonFields.get(node.idempotency(), "key")) != null;
    }
}
