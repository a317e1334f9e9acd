package dev.flowconf.kernel.ir;

import dev.flowconf.kernel.json.JsonArray;
import dev.flowconf.kernel.json.JsonBool;
import dev.flowconf.kernel.json.JsonNumber;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a flow back to the upstream Flow IR JSON shape, emitting every list and object field the
 * Rust emitter always emits, and omitting optional scalars when absent. Keys come out sorted, as
 * every JSON object of the kernel does.
 */
public final class FlowIrWriter {
    static final JsonValue EMPTY_ARRAY = JsonArray.of(List.of());
    static final JsonValue DEFAULT_POLICIES = JsonObject.builder()
            .put("lint", JsonObject.builder().put("require_control_hints", JsonBool.FALSE).build())
            .build();
    static final JsonValue DEFAULT_METADATA = JsonObject.builder().put("tags", EMPTY_ARRAY).build();

    private FlowIrWriter() {}

    public static JsonObject toJson(FlowIR flow) {
        JsonObject.Builder b = JsonObject.builder()
                .put("id", JsonString.of(flow.id()))
                .put("name", JsonString.of(flow.name()))
                .put("version", JsonString.of(flow.version()))
                .put("profile", JsonString.of(flow.profile()));
        putIfPresent(b, "summary", flow.summary());
        List<JsonValue> nodes = new ArrayList<>();
        for (NodeIR n : flow.nodes()) nodes.add(node(n));
        List<JsonValue> edges = new ArrayList<>();
        for (EdgeIR e : flow.edges()) edges.add(edge(e));
        List<JsonValue> surfaces = new ArrayList<>();
        for (ControlSurfaceIR s : flow.controlSurfaces()) surfaces.add(surface(s));
        return b.put("nodes", JsonArray.of(nodes))
                .put("edges", JsonArray.of(edges))
                .put("control_surfaces", JsonArray.of(surfaces))
                .put("checkpoints", flow.checkpoints())
                .put("policies", flow.policies())
                .put("metadata", flow.metadata())
                .put("artifacts", flow.artifacts())
                .build();
    }

    private static JsonValue node(NodeIR n) {
        JsonObject.Builder b = JsonObject.builder()
                .put("id", JsonString.of(n.id()))
                .put("alias", JsonString.of(n.alias()))
                .put("identifier", JsonString.of(n.identifier()))
                .put("name", JsonString.of(n.name()))
                .put("kind", JsonString.of(n.kind().wire()));
        putIfPresent(b, "summary", n.summary());
        return b.put("in_schema", n.inSchema())
                .put("out_schema", n.outSchema())
                .put("effects", JsonString.of(n.effects()))
                .put("determinism", JsonString.of(n.determinism()))
                .put("idempotency", n.idempotency())
                .put("determinismHints", strings(n.determinismHints()))
                .put("effectHints", strings(n.effectHints()))
                .build();
    }

    private static JsonValue edge(EdgeIR e) {
        JsonObject.Builder b = JsonObject.builder()
                .put("from", JsonString.of(e.from()))
                .put("to", JsonString.of(e.to()))
                .put("delivery", JsonString.of(e.delivery()))
                .put("ordering", JsonString.of(e.ordering()))
                .put("buffer", e.buffer());
        putIfPresent(b, "partition_key", e.partitionKey());
        if (e.timeoutMs() != null) b.put("timeout_ms", JsonNumber.ofU64(e.timeoutMs()));
        return b.build();
    }

    private static JsonValue surface(ControlSurfaceIR s) {
        JsonObject.Builder b = JsonObject.builder()
                .put("id", JsonString.of(s.id()))
                .put("kind", JsonString.of(s.kind()))
                .put("targets", strings(s.targets()));
        if (s.config() != null) b.put("config", s.config());
        return b.build();
    }

    private static JsonValue strings(List<String> values) {
        List<JsonValue> out = new ArrayList<>();
        for (String v : values) out.add(JsonString.of(v));
        return JsonArray.of(out);
    }

    private static void putIfPresent(JsonObject.Builder b, String key, String value) {
        if (value != null) b.put(key, JsonString.of(value));
    }
}
