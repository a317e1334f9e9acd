package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.ir.FlowIrReader;
import dev.flowconf.kernel.json.JsonArray;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small flows as Flow IR JSON and reads them with {@link FlowIrReader}, so test flows go
 * through the same reader as real ones. Overrides are JSON with single quotes for readability
 * ({@code "{'effects':'effectful'}"}) and replace top-level fields of the default node or edge.
 * Defaults: inline, pure, strict, opaque schemas; edges at-least-once, ordered, empty buffer.
 */
final class TestFlowBuilder {
    private final List<JsonValue> nodes = new ArrayList<>();
    private final List<JsonValue> edges = new ArrayList<>();
    private final List<JsonValue> surfaces = new ArrayList<>();
    private JsonValue policies;

    static TestFlowBuilder flow() {
        return new TestFlowBuilder();
    }

    /** JSON text with ' for ". */
    static JsonValue json(String singleQuoted) {
        try {
            return JsonParser.parse(singleQuoted.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException("bad test JSON: " + singleQuoted, e);
        }
    }

    TestFlowBuilder trigger(String alias) {
        return node(alias, "{'kind':'trigger','effects':'read_only'}");
    }

    TestFlowBuilder node(String alias) {
        return node(alias, "{}");
    }

    TestFlowBuilder node(String alias, String overrides) {
        JsonObject node = json("{'kind':'inline','in_schema':{'kind':'opaque'},'out_schema':{'kind':'opaque'},"
                + "'effects':'pure','determinism':'strict','idempotency':{},'determinismHints':[],'effectHints':[]}")
                .asObject()
                .with("id", JsonString.of("test::" + alias))
                .with("alias", JsonString.of(alias))
                .with("identifier", JsonString.of("test::" + alias))
                .with("name", JsonString.of(alias));
        nodes.add(merge(node, overrides));
        return this;
    }

    TestFlowBuilder edge(String from, String to) {
        return edge(from, to, "{}");
    }

    TestFlowBuilder edge(String from, String to, String overrides) {
        JsonObject edge = json("{'delivery':'at_least_once','ordering':'ordered','buffer':{}}").asObject()
                .with("from", JsonString.of(from))
                .with("to", JsonString.of(to));
        edges.add(merge(edge, overrides));
        return this;
    }

    /** targets: comma-separated aliases ("" for none); config: single-quoted JSON. */
    TestFlowBuilder surface(String id, String kind, String targets, String config) {
        List<JsonValue> list = new ArrayList<>();
        for (String t : targets.split(",")) {
            if (!t.isEmpty()) list.add(JsonString.of(t));
        }
        surfaces.add(JsonObject.builder()
                .put("id", JsonString.of(id))
                .put("kind", JsonString.of(kind))
                .put("targets", JsonArray.of(list))
                .put("config", json(config))
                .build());
        return this;
    }

    TestFlowBuilder policies(String json) {
        policies = json(json);
        return this;
    }

    JsonObject toJson() {
        JsonObject.Builder b = JsonObject.builder()
                .put("id", JsonString.of("00000000-0000-5000-8000-000000000000"))
                .put("name", JsonString.of("test_flow"))
                .put("version", JsonString.of("1.0.0"))
                .put("profile", JsonString.of("web"))
                .put("nodes", JsonArray.of(nodes))
                .put("edges", JsonArray.of(edges))
                .put("control_surfaces", JsonArray.of(surfaces));
        if (policies != null) b.put("policies", policies);
        return b.build();
    }

    FlowIR build() {
        try {
            return FlowIrReader.read(toJson());
        } catch (Exception e) {
            throw new IllegalStateException("test flow does not read: " + toJson(), e);
        }
    }

    private static JsonObject merge(JsonObject base, String overrides) {
        JsonObject extra = json(overrides).asObject();
        for (String key : extra.keys()) base = base.with(key, extra.get(key));
        return base;
    }
}
