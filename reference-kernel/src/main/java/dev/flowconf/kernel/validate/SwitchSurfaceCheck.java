package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * CTRL110 invalid config, CTRL111 missing branch edge, CTRL112 second switch on the same source.
 * Shape: {@code {v:1, source, selector_pointer, cases:{string: alias}, default?}}, targets[] ⊇
 * {source, case targets, default}.
 */
final class SwitchSurfaceCheck extends RoutingSurfaceCheck {
    SwitchSurfaceCheck() {
        super("switch", "CTRL110", "CTRL112");
    }

    @Override
    boolean checkBranches(FlowIndex flow, SurfaceConfig c, JsonObject config, String source) {
        JsonObject cases = JsonFields.object(config.get("cases"));
        if (cases == null) {
            c.invalid("config.cases must be an object");
            return false;
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
        return true;
    }
}
