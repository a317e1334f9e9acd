package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.ControlSurfaceIR;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonValue;
import java.util.List;

/**
 * CTRL130 invalid config, CTRL131 unknown alias, CTRL132 missing edge, for the reserved surfaces.
 * These pass validation when well formed; the runtime then refuses them (CTRL901), except
 * partition, which is metadata. Only the documented shapes are checked:
 * <ul>
 *   <li>for_each {@code {v, source, items_pointer, body_entry}}, edge source → body_entry required;</li>
 *   <li>partition {@code {v, edge:{from,to}, key}}, that edge required;</li>
 *   <li>rate_limit {@code {v, target, qps, burst}}, qps and burst positive integers;</li>
 *   <li>error_handler {@code {v, scope:{nodes:[..]}, strategy: retry|fail|continue, max_retries?, backoff_ms?}};</li>
 *   <li>window {@code {v, event_time_pointer, size_ms, allowed_lateness_ms, watermark}}.</li>
 * </ul>
 * loop and timeout have no documented shape, so they are accepted as they are (upstream checks
 * nothing for them either). targets[] is not checked for reserved kinds.
 */
final class ReservedSurfaceCheck implements FlowCheck {
    private static final List<String> STRATEGIES = List.of("retry", "fail", "continue");

    @Override
    public void check(FlowIndex flow, List<Diagnostic> out) {
        for (ControlSurfaceIR surface : flow.flow.controlSurfaces()) {
            SurfaceConfig c = new SurfaceConfig(surface, "CTRL130", out);
            switch (surface.kind()) {
                case "for_each": forEach(flow, c); break;
                case "partition": partition(flow, c); break;
                case "rate_limit": rateLimit(flow, c); break;
                case "error_handler": errorHandler(flow, c); break;
                case "window": window(c); break;
                default: break; // if and switch have their own checks; loop and timeout have no shape
            }
        }
    }

    private static void forEach(FlowIndex flow, SurfaceConfig c) {
        JsonObject config = c.open();
        if (config == null) return;
        String source = c.string(config, "source");
        if (source == null) return;
        String itemsPointer = c.string(config, "items_pointer");
        if (itemsPointer == null) return;
        String bodyEntry = c.string(config, "body_entry");
        if (bodyEntry == null) return;
        // `&`, not `&&`: both unknown aliases are reported.
        boolean known = knownNode(flow, c, "source", source) & knownNode(flow, c, "body_entry", bodyEntry);
        c.pointer("items_pointer", itemsPointer);
        // Items are delivered to the body over an ordinary edge.
        if (known && !flow.hasEdge(source, bodyEntry)) missingEdge(c, source, bodyEntry);
    }

    private static void partition(FlowIndex flow, SurfaceConfig c) {
        JsonObject config = c.open();
        if (config == null) return;
        JsonObject edge = JsonFields.object(config.get("edge"));
        if (edge == null) {
            c.invalid("config.edge must be an object");
            return;
        }
        String from = c.string(edge, "from", "edge.from");
        if (from == null) return;
        String to = c.string(edge, "to", "edge.to");
        if (to == null) return;
        String key = c.string(config, "key");
        if (key == null) return;
        if (key.isEmpty()) c.invalid("config.key must not be empty");
        boolean known = knownNode(flow, c, "edge.from", from) & knownNode(flow, c, "edge.to", to); // both reported
        // A partition annotates an existing edge; it cannot create one.
        if (known && !flow.hasEdge(from, to)) missingEdge(c, from, to);
    }

    private static void rateLimit(FlowIndex flow, SurfaceConfig c) {
        JsonObject config = c.open();
        if (config == null) return;
        String target = c.string(config, "target");
        if (target == null) return;
        knownNode(flow, c, "target", target);
        positive(c, config, "qps");
        positive(c, config, "burst");
    }

    private static void errorHandler(FlowIndex flow, SurfaceConfig c) {
        JsonObject config = c.open();
        if (config == null) return;
        JsonObject scope = JsonFields.object(config.get("scope"));
        if (scope == null) {
            c.invalid("config.scope must be an object");
            return;
        }
        JsonValue nodes = scope.get("nodes");
        if (nodes == null || !nodes.isArray()) {
            c.invalid("config.scope.nodes must be an array");
            return;
        }
        for (JsonValue item : nodes.asArray().items()) {
            String alias = JsonFields.string(item);
            if (alias == null) c.invalid("config.scope.nodes must hold strings");
            else knownNode(flow, c, "scope.nodes", alias);
        }
        String strategy = c.string(config, "strategy");
        if (strategy == null) return;
        if (!STRATEGIES.contains(strategy)) {
            c.invalid("config.strategy `" + strategy + "` is not one of retry, fail, continue");
        }
        optionalCount(c, config, "max_retries");
        optionalCount(c, config, "backoff_ms");
    }

    private static void window(SurfaceConfig c) {
        JsonObject config = c.open();
        if (config == null) return;
        String eventTime = c.string(config, "event_time_pointer");
        if (eventTime == null) return;
        c.pointer("event_time_pointer", eventTime);
        positive(c, config, "size_ms");
        if (JsonFields.u64(config.get("allowed_lateness_ms")) == null) {
            c.invalid("config.allowed_lateness_ms must be a non-negative integer");
        }
        String watermark = c.string(config, "watermark");
        if (watermark == null) return;
        if (watermark.isEmpty()) c.invalid("config.watermark must not be empty");
    }

    /** Reports CTRL131 for an alias that names no node; true when it names one. */
    private static boolean knownNode(FlowIndex flow, SurfaceConfig c, String field, String alias) {
        if (flow.hasNode(alias)) return true;
        c.report("CTRL131", "config." + field + " `" + alias + "` is not a node");
        return false;
    }

    private static void missingEdge(SurfaceConfig c, String from, String to) {
        c.report("CTRL132", "edge " + FlowIndex.edgeName(from, to) + " does not exist");
    }

    private static void positive(SurfaceConfig c, JsonObject config, String key) {
        Long value = JsonFields.u64(config.get(key));
        if (value == null || value == 0L) c.invalid("config." + key + " must be a positive integer");
    }

    /** An optional count: absent is fine, anything but a non-negative integer (even null) is not. */
    private static void optionalCount(SurfaceConfig c, JsonObject config, String key) {
        if (config.has(key) && JsonFields.u64(config.get(key)) == null) {
            c.invalid("config." + key + " must be a non-negative integer when present");
        }
    }
}
