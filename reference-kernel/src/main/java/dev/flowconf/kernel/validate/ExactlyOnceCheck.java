package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.EdgeIR;
import dev.flowconf.kernel.ir.NodeIR;
import java.util.List;

/**
 * EXACT001–003: exactly-once delivery is only as good as the target's deduplication, so the
 * target of an {@code exactly_once} edge needs a dedupe capability, an idempotency key, and a
 * dedupe window of at least five minutes. All three are checked independently.
 */
final class ExactlyOnceCheck implements FlowCheck {
    static final long MIN_TTL_MS = 300_000L;
    /** Plain prefix, as upstream: {@code resource::dedupe::write} and the like. */
    static final String DEDUPE_HINT_PREFIX = "resource::dedupe";

    @Override
    public void check(FlowIndex flow, List<Diagnostic> out) {
        for (EdgeIR edge : flow.flow.edges()) {
            if (!"exactly_once".equals(edge.delivery())) continue;
            NodeIR target = flow.node(edge.to());
            if (target == null) continue; // DAG202 already
            String name = FlowIndex.edgeName(edge);
            if (!hasDedupeHint(target)) {
                out.add(new Diagnostic("EXACT001", "edge " + name + " is exactly_once but node `" + target.alias()
                        + "` has no `" + DEDUPE_HINT_PREFIX + "` effect hint", name));
            }
            if (!IdempotencyKeyCheck.hasKey(target)) {
                out.add(new Diagnostic("EXACT002", "edge " + name + " is exactly_once but node `" + target.alias()
                        + "` has no idempotency.key", name));
            }
            Long ttl = JsonFields.u64(JsonFields.get(target.idempotency(), "ttlMs"));
            if (ttl == null || !JsonFields.atLeast(ttl, MIN_TTL_MS)) {
                out.add(new Diagnostic("EXACT003", "edge " + name + " is exactly_once but node `" + target.alias()
                        + "` has " + (ttl == null ? "no idempotency.ttlMs" : "idempotency.ttlMs " + ttl)
                        + " (at least " + MIN_TTL_MS + " is required)", name));
            }
        }
    }

    private static boolean hasDedupeHint(NodeIR node) {
        for (String hint : node.effectHints()) {
            if (hint.startsWith(DEDUPE_HINT_PREFIX)) return true;
        }
        return false;
    }
}
