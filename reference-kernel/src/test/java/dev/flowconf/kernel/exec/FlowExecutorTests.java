package dev.flowconf.kernel.exec;

import static dev.flowconf.kernel.exec.TestFlows.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.ir.NodeKind;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowExecutorTests {
    private final List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());

    private NodeRegistry identity(String... aliases) {
        NodeRegistry r = new NodeRegistry();
        for (String a : aliases) {
            r.register(a, (in, ctx) -> {
                ran.add(a);
                return in;
            });
        }
        return r;
    }

    private JsonValue run(FlowIR flow, NodeRegistry registry, String capture, JsonValue payload, long deadline)
            throws ExecutionError {
        Invocation inv = Invocation.of("t", capture, payload);
        if (deadline >= 0) inv = inv.withDeadlineMillis(deadline);
        return FlowRuntime.builder(flow, registry).build().execute(inv).value();
    }

    @Test
    void valueFlowsAlongEdgesToTheCapture() throws Exception {
        FlowIR flow = new TestFlows().trigger("t").node("a").node("c").edge("t", "a").edge("a", "c").build();
        assertEquals(json("{\"x\":1}"), run(flow, identity("t", "a", "c"), "c", json("{\"x\":1}"), -1));
        assertEquals(List.of("t", "a", "c"), ran);
    }

    @Test
    void anyNodesFailureSurfacesAsNodeFailedWithItsAlias() {
        FlowIR flow = new TestFlows().trigger("t").node("fails").node("c").edge("t", "fails").edge("fails", "c").build();
        NodeRegistry r = identity("t", "c").register("fails", (in, ctx) -> {
            throw new NodeError("boom");
        });
        ExecutionError e = assertThrows(ExecutionError.class, () -> run(flow, r, "c", json("1"), -1));
        assertEquals(ExecutionError.Kind.NODE_FAILED, e.kind());
        assertEquals("node `fails` failed: boom", e.getMessage());
    }

    @Test
    void deadlineBoundsTheFirstCapturedOutputAndCancelsRunningNodes() {
        FlowIR flow = new TestFlows().trigger("t").node("slow").node("c").edge("t", "slow").edge("slow", "c").build();
        boolean[] sleptToTheEnd = {true};
        NodeRegistry r = identity("t", "c").register("slow", (in, ctx) -> {
            sleptToTheEnd[0] = ctx.sleep(10_000);
            return in;
        });
        long start = System.currentTimeMillis();
        ExecutionError e = assertThrows(ExecutionError.class, () -> run(flow, r, "c", json("1"), 100));
        long elapsed = System.currentTimeMillis() - start;
        assertEquals(ExecutionError.Kind.DEADLINE_EXCEEDED, e.kind());
        assertEquals("deadline exceeded after 100ms", e.getMessage());
        assertTrue(elapsed >= 100 && elapsed < 5_000, "answered at the deadline, not after the node: " + elapsed);
        assertEquals(false, sleptToTheEnd[0], "the running node observed the cancellation");
        assertEquals(List.of("t"), ran);
    }

    @Test
    void outputWithinTheDeadlineIsReturned() throws Exception {
        FlowIR flow = new TestFlows().trigger("t").node("c").edge("t", "c").build();
        NodeRegistry r = identity("t").register("c", (in, ctx) -> {
            ctx.sleep(20);
            return in;
        });
        assertEquals(json("2"), run(flow, r, "c", json("2"), 2_000));
    }

    @Test
    void noOutputWaitsForTheDeadline() {
        FlowIR flow = new TestFlows().trigger("t").node("c").edge("t", "c").build();
        NodeRegistry r = identity("c").register("t", (in, ctx) -> null);
        long start = System.currentTimeMillis();
        ExecutionError e = assertThrows(ExecutionError.class, () -> run(flow, r, "c", json("1"), 100));
        assertEquals(ExecutionError.Kind.DEADLINE_EXCEEDED, e.kind());
        assertTrue(System.currentTimeMillis() - start >= 100, "waited for the deadline");
    }

    @Test
    void unknownTriggerAndCaptureAreReported() {
        FlowIR flow = new TestFlows().trigger("t").node("c").edge("t", "c").build();
        ExecutionError capture = assertThrows(ExecutionError.class, () -> run(flow, identity("t", "c"), "nope", json("1"), -1));
        assertEquals("capture alias `nope` is not part of the workflow", capture.getMessage());
        FlowIR notRoot = new TestFlows().node("x").node("t").node("c").edge("x", "t").edge("t", "c").build();
        ExecutionError trigger = assertThrows(ExecutionError.class,
                () -> run(notRoot, identity("x", "t", "c"), "c", json("1"), -1));
        assertEquals(ExecutionError.Kind.UNKNOWN_TRIGGER, trigger.kind(), "a trigger with inbound edges is not a root");
    }

    @Test
    void unregisteredNodeIsReportedByIdentifier() {
        FlowIR flow = new TestFlows().trigger("t").node("c").edge("t", "c").build();
        ExecutionError e = assertThrows(ExecutionError.class, () -> run(flow, identity("t"), "c", json("1"), -1));
        assertEquals("no handler registered for node `c`", e.getMessage());
    }

    @Test
    void reservedSurfacesAreRejectedBeforeAnyNodeRuns() {
        FlowIR flow = new TestFlows().trigger("t").node("c").edge("t", "c")
                .surface("rate_limit:0", "rate_limit", "{\"v\":1,\"target\":\"t\",\"qps\":1,\"burst\":1}").build();
        ExecutionError e = assertThrows(ExecutionError.class, () -> run(flow, identity("t", "c"), "c", json("1"), -1));
        assertEquals(ExecutionError.Kind.UNSUPPORTED_CONTROL_SURFACE, e.kind());
        assertTrue(ran.isEmpty());
    }

    @Test
    void partitionSurfacesAreIgnored() throws Exception {
        FlowIR flow = new TestFlows().trigger("t").node("c").edge("t", "c")
                .surface("partition:0", "partition", "{\"v\":1,\"edge\":{\"from\":\"t\",\"to\":\"c\"},\"key\":\"k\"}").build();
        assertEquals(json("1"), run(flow, identity("t", "c"), "c", json("1"), -1));
    }

    @Test
    void missingCapabilitiesAreSortedAndUnique() {
        FlowIR flow = new TestFlows().node("t", NodeKind.TRIGGER, List.of("resource::kv::read", "resource::blob::write"))
                .node("c", NodeKind.INLINE, List.of("resource::kv::read", "resource::mystery::read", "not-a-resource"))
                .edge("t", "c").build();
        ExecutionError e = assertThrows(ExecutionError.class, () -> run(flow, identity("t", "c"), "c", json("1"), -1));
        assertEquals(List.of("resource::blob::write", "resource::kv::read", "resource::mystery::read"), e.hints());
    }

    private FlowIR branching() {
        return new TestFlows().trigger("t").node("yes").node("no").node("c")
                .edge("t", "yes").edge("t", "no").edge("yes", "c").edge("no", "c")
                .surface("if:t:0", "if", "{\"v\":1,\"source\":\"t\",\"selector_pointer\":\"/flag\",\"then\":\"yes\",\"else\":\"no\"}")
                .build();
    }

    private NodeRegistry tagging() {
        NodeRegistry r = identity("t", "c");
        r.register("yes", (in, ctx) -> in.asObject().with("branch", JsonString.of("yes")));
        r.register("no", (in, ctx) -> in.asObject().with("branch", JsonString.of("no")));
        return r;
    }

    @Test
    void ifRoutesByABooleanPointer() throws Exception {
        assertEquals(json("{\"branch\":\"yes\",\"flag\":true}"), run(branching(), tagging(), "c", json("{\"flag\":true}"), -1));
        assertEquals(json("{\"branch\":\"no\",\"flag\":false}"), run(branching(), tagging(), "c", json("{\"flag\":false}"), -1));
    }

    @Test
    void ifWithANonBooleanSelectionFailsTheSourceNode() {
        ExecutionError e = assertThrows(ExecutionError.class, () -> run(branching(), tagging(), "c", json("{\"flag\":1}"), -1));
        assertEquals("node `t` failed: if `if:t:0` selector_pointer `/flag` must resolve to a boolean", e.getMessage());
    }

    @Test
    void switchWithoutMatchOrDefaultEndsWithMissingOutput() {
        FlowIR flow = new TestFlows().trigger("t").node("a").node("c").edge("t", "a").edge("a", "c")
                .surface("switch:t:0", "switch", "{\"v\":1,\"source\":\"t\",\"selector_pointer\":\"/mode\",\"cases\":{\"a\":\"a\"}}")
                .build();
        long start = System.currentTimeMillis();
        ExecutionError e = assertThrows(ExecutionError.class,
                () -> run(flow, identity("t", "a", "c"), "c", json("{\"mode\":\"zzz\"}"), 5_000));
        assertTrue(System.currentTimeMillis() - start < 4_000, "no wait for the deadline");
        assertEquals(ExecutionError.Kind.MISSING_OUTPUT, e.kind());
    }

    @Test
    void malformedSwitchIsAnInvalidSurface() {
        FlowIR flow = new TestFlows().trigger("t").node("c").edge("t", "c")
                .surface("switch:t:0", "switch", "{\"v\":2,\"source\":\"t\",\"selector_pointer\":\"/m\",\"cases\":{}}")
                .build();
        ExecutionError e = assertThrows(ExecutionError.class, () -> run(flow, identity("t", "c"), "c", json("1"), -1));
        assertEquals("invalid control surface `switch:t:0` (switch): config.v must be 1", e.getMessage());
    }

    @Test
    void runtimeLabelsAreAddedUnlessPresent() throws Exception {
        FlowIR flow = new TestFlows().trigger("t").node("c").edge("t", "c").build();
        Invocation inv = Invocation.of("t", "c", json("1"));
        inv.metadata().putLabel("lf.run_id", "given");
        FlowRuntime.builder(flow, identity("t", "c")).build().execute(inv);
        assertEquals("given", inv.metadata().label("lf.run_id"));
        assertEquals("f", inv.metadata().label("lf.flow_id"));
        assertEquals("t", inv.metadata().label("lf.trigger_alias"));
        assertEquals("c", inv.metadata().label("lf.capture_alias"));
    }

    @Test
    void runIdsAreVersion4Uuids() {
        String id = RunIds.next();
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
    }
}
