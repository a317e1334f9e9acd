package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.ir.ControlSurfaceIR;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonValue;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The routing table built from a flow's `if` and `switch` surfaces: for a source node, which of its
 * outgoing edges an output may take. Reserved surface kinds are rejected, `partition` is metadata.
 */
final class Routing {
    /** One routing surface: picks at most one of its controlled targets for each output. */
    static final class Route {
        final String surfaceId;
        final String surfaceKind;
        final String pointer;
        final String thenTarget;
        final String elseTarget;
        final Map<String, String> cases;
        final String defaultTarget;
        final Set<String> controlled;

        Route(String surfaceId, String surfaceKind, String pointer, String thenTarget, String elseTarget,
              Map<String, String> cases, String defaultTarget, Set<String> controlled) {
            this.surfaceId = surfaceId;
            this.surfaceKind = surfaceKind;
            this.pointer = pointer;
            this.thenTarget = thenTarget;
            this.elseTarget = elseTarget;
            this.cases = cases;
            this.defaultTarget = defaultTarget;
            this.controlled = controlled;
        }

        boolean isSwitch() { return "switch".equals(surfaceKind); }

        /** The selected target alias, or null when a switch matches nothing and has no default. */
        String select(JsonValue output) throws NodeError {
            JsonValue selected = JsonPointer.resolve(output, pointer);
            String prefix = surfaceKind + " `" + surfaceId + "` selector_pointer `" + pointer + "`";
            if (selected == null) throw new NodeError(prefix + " did not resolve");
            if (!isSwitch()) {
                if (!selected.isBoolean()) throw new NodeError(prefix + " must resolve to a boolean");
                return selected.asBoolean() ? thenTarget : elseTarget;
            }
            if (!selected.isString()) throw new NodeError(prefix + " must resolve to a string");
            String target = cases.get(selected.asString().value());
            return target != null ? target : defaultTarget;
        }
    }

    private final Map<String, Route> bySource;

    private Routing(Map<String, Route> bySource) {
        this.bySource = bySource;
    }

    /** The route gating this node's outputs, or null. */
    Route forSource(String alias) {
        return bySource.get(alias);
    }

    static Routing build(FlowIR flow) throws ExecutionError {
        Map<String, Route> bySource = new HashMap<>();
        for (ControlSurfaceIR surface : flow.controlSurfaces()) {
            switch (surface.kind()) {
                case "partition":
                    continue; // metadata only
                case "if":
                case "switch":
                    Route route = parse(flow, surface);
                    String source = sourceOf(surface);
                    if (bySource.containsKey(source)) {
                        throw invalid(surface, "multiple routing control surfaces for same source");
                    }
                    bySource.put(source, route);
                    continue;
                default:
                    throw ExecutionError.unsupportedControlSurface(surface.id(), surface.kind());
            }
        }
        return new Routing(bySource);
    }

    private static String sourceOf(ControlSurfaceIR surface) {
        return surface.config().asObject().get("source").asString().value();
    }

    private static Route parse(FlowIR flow, ControlSurfaceIR surface) throws ExecutionError {
        JsonValue configValue = surface.config();
        if (configValue == null || !configValue.isObject()) throw invalid(surface, "config must be object");
        JsonObject config = configValue.asObject();
        String source = requiredString(surface, config, "source");
        if (flow.node(source) == null) throw invalid(surface, "unknown source node `" + source + "`");
        JsonValue v = config.get("v");
        if (v == null || !v.isNumber() || !v.asNumber().isIntegral() || v.asNumber().longBits() != 1) {
            throw invalid(surface, "config.v must be 1");
        }
        String pointer = requiredString(surface, config, "selector_pointer");
        Set<String> controlled = new LinkedHashSet<>();
        if ("if".equals(surface.kind())) {
            String thenTarget = target(flow, surface, config, "then");
            String elseTarget = target(flow, surface, config, "else");
            controlled.add(thenTarget);
            controlled.add(elseTarget);
            return new Route(surface.id(), "if", pointer, thenTarget, elseTarget, Map.of(), null, controlled);
        }
        JsonValue casesValue = config.get("cases");
        if (casesValue == null || !casesValue.isObject()) throw invalid(surface, "missing config.cases");
        Map<String, String> cases = new HashMap<>();
        for (String key : casesValue.asObject().keys()) {
            JsonValue t = casesValue.asObject().get(key);
            if (!t.isString()) throw invalid(surface, "case targets must be strings");
            String alias = t.asString().value();
            if (flow.node(alias) == null) throw invalid(surface, "unknown case target `" + alias + "`");
            cases.put(key, alias);
            controlled.add(alias);
        }
        String defaultTarget = null;
        JsonValue d = config.get("default");
        if (d != null && !d.isNull()) {
            if (!d.isString()) throw invalid(surface, "default must be string");
            defaultTarget = d.asString().value();
            if (flow.node(defaultTarget) == null) {
                throw invalid(surface, "unknown default target `" + defaultTarget + "`");
            }
            controlled.add(defaultTarget);
        }
        return new Route(surface.id(), "switch", pointer, null, null, cases, defaultTarget, controlled);
    }

    private static String target(FlowIR flow, ControlSurfaceIR surface, JsonObject config, String field)
            throws ExecutionError {
        String alias = requiredString(surface, config, field);
        if (flow.node(alias) == null) throw invalid(surface, "unknown " + field + " target `" + alias + "`");
        return alias;
    }

    private static String requiredString(ControlSurfaceIR surface, JsonObject config, String field)
            throws ExecutionError {
        JsonValue v = config.get(field);
        if (v == null || !v.isString()) throw invalid(surface, "missing config." + field);
        return v.asString().value();
    }

    private static ExecutionError invalid(ControlSurfaceIR surface, String reason) {
        return ExecutionError.invalidControlSurface(surface.id(), surface.kind(), reason);
    }
}
