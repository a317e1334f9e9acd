package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.NodeIR;
import java.util.List;

/**
 * EFFECT201: a node's {@code effectHints} must not need more than its declared {@code effects}.
 * The rules are upstream's built-in registry; capability crates can register more at runtime
 * upstream, which a static validator cannot see.
 */
final class EffectHintCheck implements FlowCheck {
    /** Lowest to highest: pure 0 < read_only 1 < effectful 2. */
    static final List<String> EFFECTS = List.of("pure", "read_only", "effectful");

    static final List<HintRule> RULES = List.of(
            new HintRule("resource::http::read", "read_only"),
            new HintRule("resource::http::write", "effectful"),
            new HintRule("resource::db::write", "effectful"));

    @Override
    public void check(FlowIndex flow, List<Diagnostic> out) {
        for (NodeIR node : flow.flow.nodes()) {
            for (String hint : node.effectHints()) {
                HintRule rule = HintRule.first(RULES, hint);
                if (rule != null && !HintRule.atLeast(EFFECTS, node.effects(), rule.minimum)) {
                    out.add(new Diagnostic("EFFECT201", "node `" + node.alias() + "` declares effects "
                            + node.effects() + " but effect hint `" + hint + "` needs at least " + rule.minimum,
                            node.alias()));
                }
            }
        }
    }
}
