package dev.flowconf.kernel.catalog;

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
 * `<flow id>::<alias>`, default edges in statement order, empty policies and metadata.
 * The flow id (UUID v5 of `<name>:<version>`) is passed in precomputed: TeaVM has no SHA-1, and a
 * JVM test checks each constant.
 */
final class FlowBuilder {
    private final String id;
    private final String name;
    private final String summary;
    private final List<NodeIR> nodes = new ArrayList<>();
    private final List<EdgeIR> edges = new ArrayList<>();

    FlowBuilder(String id, String name, String summary) {
        this.id = id;
        this.name = name;
        this.summary = summary;
    }

    static JsonValue named(String typeName) {
        return JsonObject.builder().put("kind", JsonString.of("named")).put("name", JsonString.of(typeName)).build();
    }

    FlowBuilder trigger(String alias, String identifier, String nodeName, JsonValue in, JsonValue out) {
        return node(alias, identifier, nodeName, NodeKind.TRIGGER, "read_only", "strict", in, out);
    }

    FlowBuilder inline(String alias, String identifier, String nodeName, String effects, String determinism,
                       JsonValue in, JsonValue out) {
        return node(alias, identifier, nodeName, NodeKind.INLINE, effects, determinism, in, out);
    }

    private FlowBuilder node(String alias, String identifier, String nodeName, NodeKind kind, String effects,
                             String determinism, JsonValue in, JsonValue out) {
        nodes.add(new NodeIR(id + "::" + alias, alias, identifier, nodeName, kind, null, in, out, effects,
                determinism, JsonObject.empty(), List.of(), List.of()));
        return this;
    }

    FlowBuilder connect(String from, String to) {
        edges.add(EdgeIR.connect(from, to));
        return this;
    }

    FlowIR build() {
        JsonValue empty = JsonArray.of(List.of());
        return new FlowIR(id, name, "1.0.0", "web", summary, nodes, edges, List.of(), empty,
                JsonObject.builder().put("lint",
                        JsonObject.builder().put("require_control_hints", JsonBool.FALSE).build()).build(),
                JsonObject.builder().put("tags", empty).build(), empty);
    }
}
