package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.ControlSurfaceIR;
import dev.flowconf.kernel.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CTRL110 invalid config, CTRL111 missing branch edge, CTRL112 second switch on the same source.
 * Shape: {@code {v:1, source, selector_pointer, cases:{string: alias}, default?}}, targets[] ⊇
 * {source, case targets, default}. Unknown aliases here are CTRL110 (not DAG202).
 */
final class SwitchSurfaceCheck implements FlowCheck {
    @Override
    public void check(FlowIndex flow, List<Diagnostic> out) {
        Set<String> sources = new HashSet<>();
        for (ControlSurfaceIR surface : flow.flow.controlSurfaces()) {
            if ("switch".equals(surface.kind())) check(flow, surface, sources, out);
        }
    }

    private static void check(FlowIndex flow, ControlSurfaceIR surface, Set<String> sources, List<Diagnostic> out) {
        SurfaceConfig c = new SurfaceConfig(surface, "CTRL110", out);
        JsonObject config = c.open();
        if (config == null) return;
        String source = c.string(config, "source");
        if (source == null) return;
        if (!flow.hasNode(source)) {
            c.invalid("config.source `" + source + "` is not a node");
            return;
        }
        if (!sources.add(source)) c.report("CTRL112", "node `" + source + "` is already the source of another switch");
        String pointer = c.string(config, "selector_pointer");
        if (pointer == null) return;
        c.pointer("selector_pointer", pointer);
        JsonObject cases = JsonFields.object(config.get("cases"));
        if (cases == null) {
            c.invalid("config.cases must be an object");
            return;
        }
        if (cases.size() == 0) c.invalid("config.cases must have at least one case");
        // Cases in key order (serde_json's map order, which JsonObject shares), then default.
        List<String> branches = new ArrayList<>();
        for (String key : cases.keys()) {
            String target = JsonFields.string(cases.get(key));
            if (target == null) c.invalid("config.cases `" + key + "` must name a node");
            else branches.add(target);
        }
        // Present means present: an explicit null default is reported too.
        if (config.has("default")) {
            String fallback = JsonFields.string(config.get("default"));
            if (fallback == null) c.invalid("config.default must be a string when present");
            else branches.add(fallback);
        }
        for (String target : branches) c.branch(flow, source, target, "CTRL111");
        c.listedInTargets(source, "source");
    }
}
