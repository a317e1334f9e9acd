package dev.flowconf.kernel.catalog;

import dev.flowconf.kernel.ir.ControlSurfaceIR;
import dev.flowconf.kernel.ir.EdgeIR;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.ir.NodeIR;
import dev.flowconf.kernel.ir.NodeKind;
import dev.flowconf.kernel.json.JsonArray;
import dev.flowconf.kernel.json.JsonBool;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds shipped flows the way upstream's workflow macros lay them out: node ids
 * `<flow id>::<alias>`, triggers read_only/strict, edges in statement order with upstream's
 * defaults, empty policies and metadata. The flow id (UUID v5 of `<name>:<version>`) is passed in
 * precomputed: TeaVM has no SHA-1, and a JVM test checks each constant.
 */
final class FlowBuilder {
    private final String id;
    private final String name;
    private final String summary;
    private final List<NodeIR> nodes = new ArrayList<>();
    private final List<EdgeIR> edges = new ArrayList<>();
    private final List<ControlSurfaceIR> surfaces = new ArrayList<>();

    FlowBuilder(String id, String name, String summary) {
        this.id = id;
        this.name = name;
        this.summary = summary;
    }

    static JsonValue named(String typeName) {
        return JsonObject.builder().put("kind", JsonString.of("named")).put("name", JsonString.of(typeName)).build();
    }

    /** One node being declared; {@link #add()} returns to the flow. */
    final class Node {
        private final String alias;
        private final String identifier;
        private final String nodeName;
        private final NodeKind kind;
        private String nodeSummary;
        private JsonValue in = named("JsonValue");
        private JsonValue out = named("JsonValue");
        private String effects;
        private String determinism;
        private JsonValue idempotency = JsonObject.empty();
        private List<String> determinismHints = List.of();
        private List<String> effectHints = List.of();

        private Node(String alias, String identifier, String nodeName, NodeKind kind, String effects,
                     String determinism) {
            this.alias = alias;
            this.identifier = identifier;
            this.nodeName = nodeName;
            this.kind = kind;
            this.effects = effects;
            this.determinism = determinism;
        }

        Node summary(String text) {
            nodeSummary = text;
            return this;
        }

        Node types(String inType, String outType) {
            in = named(inType);
            out = named(outType);
            return this;
        }

        Node behaviour(String nodeEffects, String nodeDeterminism) {
            effects = nodeEffects;
            determinism = nodeDeterminism;
            return this;
        }

        Node hints(List<String> effect, List<String> determinismHint) {
            effectHints = effect;
            determinismHints = determinismHint;
            return this;
        }

        Node idempotency(JsonValue spec) {
            idempotency = spec;
            return this;
        }

        FlowBuilder add() {
            nodes.add(new NodeIR(id + "::" + alias, alias, identifier, nodeName, kind, nodeSummary, in, out,
                    effects, determinism, idempotency, determinismHints, effectHints));
            return FlowBuilder.this;
        }
    }

    Node trigger(String alias, String identifier, String nodeName) {
        return new Node(alias, identifier, nodeName, NodeKind.TRIGGER, "read_only", "strict");
    }

    /** An inline node; upstream's `#[node]` default is pure/best_effort. */
    Node inline(String alias, String identifier, String nodeName) {
        return new Node(alias, identifier, nodeName, NodeKind.INLINE, "pure", "best_effort");
    }

    FlowBuilder connect(String from, String to) {
        edges.add(EdgeIR.connect(from, to));
        return this;
    }

    FlowBuilder connect(String from, String to, JsonObject buffer) {
        edges.add(new EdgeIR(from, to, "at_least_once", "ordered", null, null, buffer));
        return this;
    }

    FlowBuilder surface(String surfaceId, String kind, List<String> targets, JsonValue config) {
        surfaces.add(new ControlSurfaceIR(surfaceId, kind, targets, config));
        return this;
    }

    FlowIR build() {
        JsonValue empty = JsonArray.of(List.of());
        return new FlowIR(id, name, "1.0.0", "web", summary, nodes, edges, surfaces, empty,
                JsonObject.builder().put("lint",
                        JsonObject.builder().put("require_control_hints", JsonBool.FALSE).build()).build(),
                JsonObject.builder().put("tags", empty).build(), empty);
    }
}
