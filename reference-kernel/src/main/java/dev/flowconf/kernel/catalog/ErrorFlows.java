package dev.flowconf.kernel.catalog;

import dev.flowconf.kernel.exec.NodeError;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.exec.NonBlockingNodeHandler;
import dev.flowconf.kernel.exec.StreamSource;
import dev.flowconf.kernel.ir.ControlSurfaceIR;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.json.JsonNumber;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import java.util.List;

/**
 * Small flows that fail in one chosen way each, so every error kind of the envelope table has a
 * route (SPEC.md §5). Two are deliberately invalid: their if/switch configs break CTRL120/CTRL110.
 */
public final class ErrorFlows {
    public static final String NODE_FAILURE_ID = "86655781-ebe8-5cde-9b01-418ebcb5876a";
    public static final String MISSING_OUTPUT_ID = "56f9b5d9-bbb4-591c-b231-d9106322b671";
    public static final String UNREGISTERED_NODE_ID = "94a32065-5842-535d-a46f-2a3540494557";
    public static final String INVALID_SWITCH_ID = "133e8e45-115d-5389-96d5-1ff302e18856";
    public static final String INVALID_IF_ID = "51c77307-6841-5750-82f9-6c4cff7530be";
    public static final String SLOW_ID = "798cbabd-e7d0-594f-99ec-88fbf9bf28d6";
    public static final String STREAM_ITEM_ID = "5e13450f-18a8-5e8b-80d3-c07f12d7249e";
    /** How long the slow node works, waking early if the run is cancelled. */
    static final long SLOW_MILLIS = 2_000;
    private static final String CRATE = "errors::";

    private ErrorFlows() {}

    /** trigger → fails: the node answers NodeError `boom`. */
    public static FlowIR nodeFailure() {
        return chain(NODE_FAILURE_ID, "errors_node_failure_flow", "A node that always fails", "fails", "fails");
    }

    /** trigger → router → a → capture, where router's switch matches nothing and has no default. */
    public static FlowIR missingOutput() {
        return new FlowBuilder(MISSING_OUTPUT_ID, "errors_missing_output_flow",
                "A switch with no matching case and no default, so nothing reaches the capture")
                .trigger("trigger", CRATE + "trigger", "Trigger").add()
                .inline("router", CRATE + "constant_mode", "Router").behaviour("pure", "strict").add()
                .inline("a", CRATE + "identity", "A").behaviour("pure", "strict").add()
                .inline("capture", CRATE + "identity", "Capture").behaviour("pure", "strict").add()
                .connect("trigger", "router").connect("router", "a").connect("a", "capture")
                .surface("switch:router:0", "switch", List.of("router", "a"), JsonObject.builder()
                        .put("v", JsonNumber.ofU64(1)).put("source", str("router"))
                        .put("selector_pointer", str("/mode"))
                        .put("cases", JsonObject.builder().put("a", str("a")).build()).build())
                .build();
    }

    /** trigger → ghost, whose identifier no registry knows. */
    public static FlowIR unregisteredNode() {
        return chain(UNREGISTERED_NODE_ID, "errors_unregistered_node_flow", "A node without an implementation",
                "ghost", "not_registered");
    }

    /** A switch whose config says `v: 2` (CTRL110 at run time). */
    public static FlowIR invalidSwitch() {
        return withSurface(chain(INVALID_SWITCH_ID, "errors_invalid_switch_flow", "A switch with an invalid config",
                "capture", "identity"), "switch:trigger:0", "switch", JsonObject.builder()
                .put("v", JsonNumber.ofU64(2)).put("source", str("trigger")).put("selector_pointer", str("/m"))
                .put("cases", JsonObject.builder().put("x", str("capture")).build()).build());
    }

    /** An if without its `else` branch (CTRL120 at run time). */
    public static FlowIR invalidIf() {
        return withSurface(chain(INVALID_IF_ID, "errors_invalid_if_flow", "An if with an invalid config",
                "capture", "identity"), "if:trigger:0", "if", JsonObject.builder()
                .put("v", JsonNumber.ofU64(1)).put("source", str("trigger")).put("selector_pointer", str("/f"))
                .put("then", str("capture")).build());
    }

    /** trigger → stream, which sends `{"chunk":0}` and then fails with `boom`. */
    public static FlowIR streamItem() {
        return chain(STREAM_ITEM_ID, "errors_stream_item_flow", "A stream whose second item fails", "stream",
                "failing_stream");
    }

    /** trigger → slow → capture, where slow works for two seconds unless cancelled. */
    public static FlowIR slow() {
        return new FlowBuilder(SLOW_ID, "errors_slow_flow", "A node slower than its route's deadline")
                .trigger("trigger", CRATE + "trigger", "Trigger").add()
                .inline("slow", CRATE + "slow", "Slow").behaviour("pure", "strict").add()
                .inline("capture", CRATE + "identity", "Capture").behaviour("pure", "strict").add()
                .connect("trigger", "slow").connect("slow", "capture")
                .build();
    }

    public static void register(NodeRegistry registry) {
        NonBlockingNodeHandler identity = (input, ctx) -> input;
        registry.registerNonBlocking(CRATE + "trigger", identity)
                .registerNonBlocking(CRATE + "identity", identity)
                .registerNonBlocking(CRATE + "fails", (input, ctx) -> {
                    throw new NodeError("boom");
                })
                .registerNonBlocking(CRATE + "constant_mode", (input, ctx) ->
                        JsonObject.builder().put("mode", str("none")).build())
                .registerStream(CRATE + "failing_stream", (input, ctx) -> new StreamSource() {
                    private boolean sent;

                    @Override
                    public JsonValue next() throws NodeError {
                        if (sent) throw new NodeError("boom");
                        sent = true;
                        return JsonObject.builder().put("chunk", JsonNumber.ofU64(0)).build();
                    }
                })
                .register(CRATE + "slow", (input, ctx) -> {
                    ctx.sleep(SLOW_MILLIS);
                    return input;
                });
    }

    private static FlowIR chain(String id, String name, String summary, String alias, String handler) {
        return new FlowBuilder(id, name, summary)
                .trigger("trigger", CRATE + "trigger", "Trigger").add()
                .inline(alias, CRATE + handler, "Node").behaviour("pure", "strict").add()
                .connect("trigger", alias)
                .build();
    }

    private static FlowIR withSurface(FlowIR flow, String id, String kind, JsonObject config) {
        return new FlowIR(flow.id(), flow.name(), flow.version(), flow.profile(), flow.summary(), flow.nodes(),
                flow.edges(), List.of(new ControlSurfaceIR(id, kind,
                List.of("trigger", "capture"), config)), flow.checkpoints(), flow.policies(), flow.metadata(),
                flow.artifacts());
    }

    private static JsonString str(String s) {
        return JsonString.of(s);
    }
}
