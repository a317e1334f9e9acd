package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.ir.ControlSurfaceIR;
import dev.flowconf.kernel.ir.EdgeIR;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.ir.NodeIR;
import dev.flowconf.kernel.ir.NodeKind;
import dev.flowconf.kernel.json.JsonArray;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** Minimal flows for executor tests: nodes `a`, `b`, ... whose identifiers equal their aliases. */
final class TestFlows {
    private final List<NodeIR> nodes = new ArrayList<>();
    private final List<EdgeIR> edges = new ArrayList<>();
    private final List<ControlSurfaceIR> surfaces = new ArrayList<>();

    TestFlows trigger(String alias) {
        return node(alias, NodeKind.TRIGGER, List.of());
    }

    TestFlows node(String alias) {
        return node(alias, NodeKind.INLINE, List.of());
    }

    TestFlows node(String alias, NodeKind kind, List<String> effectHints) {
        JsonValue opaque = json("{\"kind\":\"opaque\"}");
        nodes.add(new NodeIR("f::" + alias, alias, alias, alias, kind, null, opaque, opaque, "pure", "strict",
                JsonObject.empty(), List.of(), effectHints));
        return this;
    }

    TestFlows edge(String from, String to) {
        edges.add(EdgeIR.connect(from, to));
        return this;
    }

    TestFlows surface(String id, String kind, String configJson) {
        surfaces.add(new ControlSurfaceIR(id, kind, List.of(), configJson == null ? null : json(configJson)));
        return this;
    }

    FlowIR build() {
        JsonValue empty = JsonArray.of(List.of());
        return new FlowIR("f", "test_flow", "1.0.0", "dev", null, nodes, edges, surfaces, empty,
                JsonObject.empty(), JsonObject.empty(), empty);
    }

    static JsonValue json(String text) {
        try {
            return JsonParser.parse(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
