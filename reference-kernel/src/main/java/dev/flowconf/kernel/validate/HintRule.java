package dev.flowconf.kernel.validate;

import java.util.List;

/**
 * A resource hint and the lowest effects or determinism level a node using it may declare — an
 * entry of upstream's effect and determinism registries.
 *
 * <p>Matching is upstream's: a hint matches when it starts with the rule's hint as plain text
 * ({@code hint == rule || hint.starts_with(rule)}). So the determinism rule {@code resource::http}
 * also covers {@code resource::http::read} and {@code resource::http::write} — the natural reading,
 * since the registry calls hints "hierarchical" — and, because the comparison is not
 * segment-aware, even {@code resource::httpx}. The first matching rule in registry order decides.
 */
final class HintRule {
    final String hint;
    final String minimum;

    HintRule(String hint, String minimum) {
        this.hint = hint;
        this.minimum = minimum;
    }

    boolean matches(String resourceHint) {
        return resourceHint.startsWith(hint);
    }

    /** The first rule matching the hint, or null. */
    static HintRule first(List<HintRule> rules, String resourceHint) {
        for (HintRule rule : rules) {
            if (rule.matches(resourceHint)) return rule;
        }
        return null;
    }

    /** Whether level reaches minimum on a scale listed from lowest to highest. */
    static boolean atLeast(List<String> scale, String level, String minimum) {
        return scale.indexOf(level) >= scale.indexOf(minimum);
    }
}
