package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.ControlSurfaceIR;
import dev.flowconf.kernel.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What `if` and `switch` surfaces share: a config object with `v: 1`, a `source` node that only
 * one surface of the kind may route, and a `selector_pointer`; the kind adds its branches.
 * Unknown aliases here are the kind's invalid-config code (not DAG202, which upstream keeps for edges).
 */
abstract class RoutingSurfaceCheck implements FlowCheck {
    private final String kind;
    private final String invalidCode;
    private final String duplicateCode;

    RoutingSurfaceCheck(String kind, String invalidCode, String duplicateCode) {
        this.kind = kind;
        this.invalidCode = invalidCode;
        this.duplicateCode = duplicateCode;
    }

    @Override
    public final void check(FlowIndex flow, List<Diagnostic> out) {
        Set<String> sources = new HashSet<>();
        for (ControlSurfaceIR surface : flow.flow.controlSurfaces()) {
            if (kind.equals(surface.kind())) check(flow, surface, sources, out);
        }
    }

    private void check(FlowIndex flow, ControlSurfaceIR surface, Set<String> sources, List<Diagnostic> out) {
        SurfaceConfig c = new SurfaceConfig(surface, invalidCode, out);
        JsonObject config = c.open();
        if (config == null) return;
        String source = c.string(config, "source");
        if (source == null) return;
        if (!flow.hasNode(source)) {
            c.invalid("config.source `" + source + "` is not a node");
            return;
        }
        // A node's output can only be routed one way; the second surface is the one reported.
        if (!sources.add(source)) {
            c.report(duplicateCode, "node `" + source + "` is already the source of another " + kind);
        }
        String pointer = c.string(config, "selector_pointer");
        if (pointer == null) return;
        c.pointer("selector_pointer", pointer);
        if (checkBranches(flow, c, config, source)) c.listedInTargets(source, "source");
    }

    /** Checks the kind's branch fields; false when the config is too broken to go on. */
    abstract boolean checkBranches(FlowIndex flow, SurfaceConfig c, JsonObject config, String source);
}
