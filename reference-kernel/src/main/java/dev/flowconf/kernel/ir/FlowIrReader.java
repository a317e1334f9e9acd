package dev.flowconf.kernel.ir;

import dev.flowconf.kernel.json.JsonArray;
import dev.flowconf.kernel.json.JsonNumber;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the upstream Flow IR JSON format: required fields must be present, enumerated strings must
 * be upstream variants, unknown fields are ignored (the format's compatibility rule).
 */
public final class FlowIrReader {
    static final List<String> PROFILES = List.of("web", "queue", "temporal", "wasm", "dev");
    static final List<String> EFFECTS = List.of("pure", "read_only", "effectful");
    static final List<String> DETERMINISM = List.of("strict", "stable", "best_effort", "nondeterministic");
    static final List<String> DELIVERY = List.of("at_least_once", "at_most_once", "exactly_once");
    static final List<String> ORDERING = List.of("ordered", "unordered");
    static final List<String> SURFACE_KINDS = List.of(
            "switch", "if", "loop", "for_each", "window", "partition", "timeout", "rate_limit", "error_handler");

    private FlowIrReader() {}

    public static FlowIR read(JsonValue document) throws FlowIrFormatException {
        JsonObject o = object(document, "flow");
        List<NodeIR> nodes = new ArrayList<>();
        for (JsonValue n : optionalArray(o, "nodes")) nodes.add(node(n));
        List<EdgeIR> edges = new ArrayList<>();
        for (JsonValue e : optionalArray(o, "edges")) edges.add(edge(e));
        List<ControlSurfaceIR> surfaces = new ArrayList<>();
        for (JsonValue s : optionalArray(o, "control_surfaces")) surfaces.add(surface(s));
        return new FlowIR(
                string(o, "id"), string(o, "name"), string(o, "version"),
                oneOf(string(o, "profile"), PROFILES, "profile"),
                optionalString(o, "summary"),
                nodes, edges, surfaces,
                orDefault(o, "checkpoints", FlowIrWriter.EMPTY_ARRAY),
                orDefault(o, "policies", FlowIrWriter.DEFAULT_POLICIES),
                orDefault(o, "metadata", FlowIrWriter.DEFAULT_METADATA),
                orDefault(o, "artifacts", FlowIrWriter.EMPTY_ARRAY));
    }

    private static NodeIR node(JsonValue v) throws FlowIrFormatException {
        JsonObject o = object(v, "node");
        return new NodeIR(
                string(o, "id"), string(o, "alias"), string(o, "identifier"), string(o, "name"),
                NodeKind.fromWire(string(o, "kind")),
                optionalString(o, "summary"),
                object(required(o, "in_schema"), "in_schema"),
                object(required(o, "out_schema"), "out_schema"),
                oneOf(string(o, "effects"), EFFECTS, "effects"),
                oneOf(string(o, "determinism"), DETERMINISM, "determinism"),
                orDefault(o, "idempotency", JsonObject.empty()),
                stringList(o, "determinismHints"),
                stringList(o, "effectHints"));
    }

    private static EdgeIR edge(JsonValue v) throws FlowIrFormatException {
        JsonObject o = object(v, "edge");
        JsonValue timeout = o.get("timeout_ms");
        Long timeoutMs = null;
        if (timeout != null && !timeout.isNull()) {
            if (!timeout.isNumber() || timeout.asNumber().kind() != JsonNumber.Kind.U64) {
                throw new FlowIrFormatException("edge timeout_ms must be an unsigned integer");
            }
            timeoutMs = timeout.asNumber().longBits();
        }
        return new EdgeIR(
                string(o, "from"), string(o, "to"),
                oneOf(string(o, "delivery"), DELIVERY, "delivery"),
                oneOf(string(o, "ordering"), ORDERING, "ordering"),
                optionalString(o, "partition_key"),
                timeoutMs,
                object(required(o, "buffer"), "buffer"));
    }

    private static ControlSurfaceIR surface(JsonValue v) throws FlowIrFormatException {
        JsonObject o = object(v, "control surface");
        JsonValue config = o.get("config");
        return new ControlSurfaceIR(
                string(o, "id"),
                oneOf(string(o, "kind"), SURFACE_KINDS, "control surface kind"),
                stringList(required(o, "targets"), "targets"),
                config == null || config.isNull() ? null : config);
    }

    private static JsonObject object(JsonValue v, String what) throws FlowIrFormatException {
        if (!v.isObject()) throw new FlowIrFormatException(what + " must be an object");
        return v.asObject();
    }

    private static JsonValue required(JsonObject o, String field) throws FlowIrFormatException {
        JsonValue v = o.get(field);
        if (v == null) throw new FlowIrFormatException("missing field `" + field + "`");
        return v;
    }

    private static String string(JsonObject o, String field) throws FlowIrFormatException {
        JsonValue v = required(o, field);
        if (!v.isString()) throw new FlowIrFormatException("field `" + field + "` must be a string");
        return v.asString().value();
    }

    private static String optionalString(JsonObject o, String field) throws FlowIrFormatException {
        JsonValue v = o.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isString()) throw new FlowIrFormatException("field `" + field + "` must be a string");
        return v.asString().value();
    }

    private static String oneOf(String value, List<String> allowed, String what) throws FlowIrFormatException {
        if (!allowed.contains(value)) {
            throw new FlowIrFormatException("unknown " + what + " `" + value + "`");
        }
        return value;
    }

    private static List<JsonValue> optionalArray(JsonObject o, String field) throws FlowIrFormatException {
        JsonValue v = o.get(field);
        if (v == null) return List.of();
        if (!v.isArray()) throw new FlowIrFormatException("field `" + field + "` must be an array");
        return v.asArray().items();
    }

    private static List<String> stringList(JsonObject o, String field) throws FlowIrFormatException {
        JsonValue v = o.get(field);
        return v == null ? List.of() : stringList(v, field);
    }

    private static List<String> stringList(JsonValue v, String field) throws FlowIrFormatException {
        if (!v.isArray()) throw new FlowIrFormatException("field `" + field + "` must be an array");
        List<String> out = new ArrayList<>();
        for (JsonValue item : v.asArray().items()) {
            if (!item.isString()) throw new FlowIrFormatException("field `" + field + "` must hold strings");
            out.add(item.asString().value());
        }
        return out;
    }

    private static JsonValue orDefault(JsonObject o, String field, JsonValue fallback) {
        JsonValue v = o.get(field);
        return v == null ? fallback : v;
    }
}
