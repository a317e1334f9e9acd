package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.NodeIR;
import java.util.List;

/**
 * DET302: a node whose {@code determinismHints} name a source of outside change (clock, network,
 * randomness) cannot claim strict or stable determinism. Only determinismHints are read, as
 * upstream does; effectHints are EFFECT201's business. By {@link HintRule}'s prefix matching,
 * {@code resource::http::read} counts as {@code resource::http}.
 */
final class DeterminismHintCheck implements FlowCheck {
    /** Lowest to highest: strict 0 < stable 1 < best_effort 2 < nondeterministic 3. */
    static final List<String> DETERMINISM = List.of("strict", "stable", "best_effort", "nondeterministic");

    static final List<HintRule> RULES = List.of(
            new HintRule("resource::clock", "best_effort"),
            new HintRule("resource::http", "best_effort"),
            new HintRule("resource::rng", "best_effort"));

    @Override
    public void check(FlowIndex flow, List<Diagnostic> out) {
        for (NodeIR node : flow.flow.nodes()) {
            for (String hint : node.determinismHints()) {
                HintRule rule = HintRule.first(RULES, hint);
                if (rule != null && !HintRule.atLeast(DETERMINISM, node.determinism(), rule.minimum)) {
                    out.add(new Diagnostic("DET302", "node `" + node.alias() + "` declares determinism "
                            + node.determinism() + " but determinism hint `" + hint + "` needs at least "
                            + rule.minimum, node.alias()));
                }
            }
        }
    }
}
