package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.ControlSurfaceIR;
import dev.flowconf.kernel.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CTRL120 invalid config, CTRL121 missing branch edge, CTRL122 second if on the same source.
 * Shape: {@code {v:1, source, selector_pointer, then, else}}, targets[] ⊇ {source, then, else}.
 * Unknown aliases here are CTRL120 (not DAG202, which upstream keeps for edges).
 */
final class IfSurfaceCheck implements FlowCheck {
    @Override
    public void check(FlowIndex flow, List<Diagnostic> out) {
        Set<String> sources = new HashSet<>();
        for (ControlSurfaceIR surface : flow.flow.controlSurfaces()) {
            if ("if".equals(surface.kind())) check(flow, surface, sources, out);
        }
    }

    private static void check(FlowIndex flow, ControlSurfaceIR surface, Set<String> sources, List<Diagnostic> out) {
        SurfaceConfig c = new SurfaceConfig(surface, "CTRL120", out);
        JsonObject config = c.open();
        if (config == null) return;
        String source = c.string(config, "source");
        if (source == null) return;
        if (!flow.hasNode(source)) {
            c.invalid("config.source `" + source + "` is not a node");
            return;
        }
        // A node's output can only be routed one way; the second surface is the one reported.
        if (!sources.add(source)) c.report("CTRL122", "node `" + source + "` is already the source of another if");
        String pointer = c.string(config, "selector_pointer");
        if (pointer == null) return;
        c.pointer("selector_pointer", pointer);
        String then = c.string(config, "then");
        if (then == null) return;
        String otherwise = c.string(config, "else");
        if (otherwise == null) return;
        c.branch(flow, source, then, "CTRL121");
        c.branch(flow, source, otherwise, "CTRL121");
        c.listedInTargets(source, "source");
    }
}
