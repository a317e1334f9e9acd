package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.json.JsonObject;

/**
 * CTRL120 invalid config, CTRL121 missing branch edge, CTRL122 second if on the same source.
 * Shape: {@code {v:1, source, selector_pointer, then, else}}, targets[] ⊇ {source, then, else}.
 */
final class IfSurfaceCheck extends RoutingSurfaceCheck {
    IfSurfaceCheck() {
        super("if", "CTRL120", "CTRL122");
    }

    @Override
    boolean checkBranches(FlowIndex flow, SurfaceConfig c, JsonObject config, String source) {
        String then = c.string(config, "then");
        if (then == null) return false;
        String otherwise = c.string(config, "else");
        if (otherwise == null) return false;
        c.branch(flow, source, then, "CTRL121");
        c.branch(flow, source, otherwise, "CTRL121");
        return true;
    }
}
