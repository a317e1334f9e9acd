package dev.flowconf.kernel.exec;

import static dev.flowconf.kernel.exec.TestFlows.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.kernel.ir.EdgeIR;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.ir.NodeIR;
import dev.flowconf.kernel.json.JsonNumber;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Upstream's instance-level facts: backpressure, permits, spill, streams, cancellation. */
class FlowInstanceTests {
    /**
     * Work on a second thread. A plain Thread, not CompletableFuture: TeaVM's class library has no
     * CompletableFuture, and these tests also run compiled by TeaVM (dev.flowconf.kernel.teavm.TeaVmSuiteBuilder).
     */
    private static final class Background<T> {
        private final Thread thread;
        private volatile T value;
        private volatile Throwable failure;
        private volatile boolean done;

        Background(Callable<T> work) {
            thread = new Thread(() -> {
                try {
                    value = work.call();
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    done = true;
                }
            });
            thread.setDaemon(true); // like CompletableFuture's pool: a stuck test must not keep the JVM alive
            thread.start();
        }

        boolean isDone() {
            return done;
        }

        T get(long timeoutMillis) throws InterruptedException {
            thread.join(timeoutMillis);
            if (!done) throw new AssertionError("still running after " + timeoutMillis + " ms");
            if (failure != null) throw new AssertionError("failed on its thread", failure);
            return value;
        }
    }

    private static NodeRegistry identity(String... aliases) {
        NodeRegistry r = new NodeRegistry();
        for (String a : aliases) r.register(a, (in, ctx) -> in);
        return r;
    }

    private static FlowIR withBuffer(FlowIR flow, int edgeIndex, JsonObject buffer) {
        List<EdgeIR> edges = new ArrayList<>(flow.edges());
        EdgeIR e = edges.get(edgeIndex);
        edges.set(edgeIndex, new EdgeIR(e.from(), e.to(), e.delivery(), e.ordering(), null, null, buffer));
        List<NodeIR> nodes = flow.nodes();
        return new FlowIR(flow.id(), flow.name(), flow.version(), flow.profile(), null, nodes, edges,
                flow.controlSurfaces(), flow.checkpoints(), flow.policies(), flow.metadata(), flow.artifacts());
    }

    @Test
    void aFullInstanceMakesTheNextSendWaitUntilAResultIsDrained() throws Exception {
        FlowIR flow = withBuffer(new TestFlows().trigger("t").node("c").edge("t", "c").build(), 0,
                JsonObject.builder().put("max_items", JsonNumber.ofU64(1)).build());
        FlowExecutor executor = new FlowExecutor(flow, identity("t", "c"),
                ExecutorSettings.defaults().withCaptureCapacity(1), null, TaskRunner.THREAD_PER_TASK);
        FlowInstance instance = executor.instantiate("c", new RunEnvironment(), Resources.none());
        try {
            instance.send("t", json("1"));
            Background<Void> second = new Background<>(() -> {
                instance.send("t", json("2"));
                return null;
            });
            Thread.sleep(100);
            assertFalse(second.isDone(), "the second send waits for a permit (>50 ms)");
            CaptureItem first = instance.nextCapture(1_000);
            assertEquals(json("1"), first.value);
            instance.permits.release(); // what run_once's consumer does when it takes an output
            second.get(2_000);
            assertEquals(json("2"), instance.nextCapture(1_000).value);
        } finally {
            instance.shutdown("test");
        }
    }

    @Test
    void permitsComeBackWhenNodesProduceNothing() throws Exception {
        FlowIR flow = new TestFlows().trigger("t").node("c").edge("t", "c").build();
        NodeRegistry r = identity("c").register("t", (in, ctx) -> null);
        FlowInstance instance = new FlowExecutor(flow, r, ExecutorSettings.defaults(), null, TaskRunner.THREAD_PER_TASK)
                .instantiate("c", new RunEnvironment(), Resources.none());
        try {
            for (int i = 0; i < 20; i++) instance.send("t", json(Integer.toString(i)));
            long end = System.currentTimeMillis() + 2_000;
            while (instance.permits.available() < 8 && System.currentTimeMillis() < end) Thread.sleep(5);
            assertEquals(8, instance.permits.available(), "all permits restored after the payloads were handled");
        } finally {
            instance.shutdown("test");
        }
        assertEquals(0, instance.runningTasks(), "shutdown waited for every node task");
    }

    /** In-memory spill store that records what it wrote. */
    static final class MemorySpill implements SpillStore {
        final List<String> written = new ArrayList<>();
        final Map<String, byte[]> files = new HashMap<>();

        @Override
        public Tier open(String flowId, String tier) {
            return new Tier() {
                @Override
                public synchronized void write(String key, byte[] payload) {
                    written.add(key);
                    files.put(key, payload);
                }

                @Override
                public synchronized byte[] take(String key) {
                    return files.remove(key);
                }
            };
        }
    }

    private static FlowIR spillFlow() {
        FlowIR flow = new TestFlows().trigger("t").node("worker").node("c").edge("t", "worker").edge("worker", "c").build();
        return withBuffer(flow, 0, JsonObject.builder()
                .put("max_items", JsonNumber.ofU64(1))
                .put("spill_tier", JsonString.of("local")).build());
    }

    @Test
    void aSpillEdgeNeverBlocksTheSenderAndKeepsOrder() throws Exception {
        MemorySpill spill = new MemorySpill();
        NodeRegistry r = identity("t", "c").register("worker", (in, ctx) -> {
            ctx.sleep(100);
            return in;
        });
        FlowInstance instance = new FlowExecutor(spillFlow(), r, ExecutorSettings.defaults(), spill, TaskRunner.THREAD_PER_TASK)
                .instantiate("c", new RunEnvironment(), Resources.none());
        try {
            instance.send("t", json("\"a\""));
            instance.send("t", json("\"b\""));
            long start = System.currentTimeMillis();
            instance.send("t", json("\"c\""));
            assertTrue(System.currentTimeMillis() - start < 50, "a full spill edge spills instead of waiting");
            List<JsonValue> out = new ArrayList<>();
            for (int i = 0; i < 3; i++) out.add(instance.nextCapture(2_000).value);
            assertEquals(List.of(json("\"a\""), json("\"b\""), json("\"c\"")), out);
            assertFalse(spill.written.isEmpty(), "something was spilled");
            assertTrue(spill.files.isEmpty(), "spilled payloads are removed once loaded");
        } finally {
            instance.shutdown("test");
        }
    }

    @Test
    void payloadsAtTheThresholdAreSpilledAtOnce() throws Exception {
        MemorySpill spill = new MemorySpill();
        FlowIR flow = withBuffer(new TestFlows().trigger("t").node("c").edge("t", "c").build(), 0,
                JsonObject.builder().put("max_items", JsonNumber.ofU64(4))
                        .put("spill_threshold_bytes", JsonNumber.ofU64(5))
                        .put("spill_tier", JsonString.of("local")).build());
        FlowRuntime runtime = FlowRuntime.builder(flow, identity("t", "c")).spillStore(spill).build();
        assertEquals(json("\"abc\""), runtime.execute(Invocation.of("t", "c", json("\"abc\""))).value());
        assertEquals(1, spill.written.size(), "5 bytes (the quoted abc) reached the 5-byte threshold");
        assertEquals(json("\"ab\""), runtime.execute(Invocation.of("t", "c", json("\"ab\""))).value());
        assertEquals(1, spill.written.size(), "4 bytes stay in memory");
    }

    @Test
    void withoutASpillStoreSpillIsUnsupported() {
        FlowRuntime runtime = FlowRuntime.builder(spillFlow(), identity("t", "worker", "c")).build();
        ExecutionError e = assertThrows(ExecutionError.class, () -> runtime.execute(Invocation.of("t", "c", json("1"))));
        assertEquals(ExecutionError.Kind.UNSUPPORTED_SPILL, e.kind());
        assertEquals(FlowExecutor.WASM_SPILL_MESSAGE, e.spillMessage());
    }

    @Test
    void aSpillStoreThatCannotOpenIsSpillSetup() {
        SpillStore broken = (flowId, tier) -> {
            throw new IllegalStateException("read-only file system");
        };
        FlowRuntime runtime = FlowRuntime.builder(spillFlow(), identity("t", "worker", "c")).spillStore(broken).build();
        ExecutionError e = assertThrows(ExecutionError.class, () -> runtime.execute(Invocation.of("t", "c", json("1"))));
        assertEquals("failed to configure spill storage: read-only file system", e.getMessage());
    }

    private static NodeRegistry counting(String captureAlias, int items, boolean[] sawCancel) {
        NodeRegistry r = identity("t");
        r.registerStream(captureAlias, (in, ctx) -> new StreamSource() {
            int n;

            @Override
            public JsonValue next() {
                if (n == items) return null;
                if (n > 0 && !ctx.sleep(20)) {
                    sawCancel[0] = true;
                    return null;
                }
                return JsonNumber.ofU64(n++);
            }
        });
        return r;
    }

    @Test
    void aStreamYieldsItsItemsInOrderAndIsNotBoundByTheDeadline() throws Exception {
        FlowIR flow = new TestFlows().trigger("t").node("s").edge("t", "s").build();
        ExecutionResult result = FlowRuntime.builder(flow, counting("s", 20, new boolean[1])).build()
                .execute(Invocation.of("t", "s", json("null")).withDeadlineMillis(200));
        assertTrue(result.isStream());
        List<JsonValue> items = new ArrayList<>();
        for (JsonValue v = result.stream().next(); v != null; v = result.stream().next()) items.add(v);
        assertEquals(20, items.size(), "took ~400 ms, well past the 200 ms deadline");
        assertEquals(json("19"), items.get(19));
        assertNull(result.stream().next());
    }

    @Test
    void cancellingAStreamCancelsTheRunAndTheProducerSeesIt() throws Exception {
        FlowIR flow = new TestFlows().trigger("t").node("s").edge("t", "s").build();
        boolean[] sawCancel = {false};
        ResultStream stream = FlowRuntime.builder(flow, counting("s", 1_000, sawCancel)).build()
                .execute(Invocation.of("t", "s", json("null"))).stream();
        assertEquals(json("0"), stream.next());
        Background<JsonValue> pending = new Background<>(stream::next);
        Thread.sleep(5);
        long start = System.currentTimeMillis();
        stream.cancel();
        pending.get(1_000);
        assertTrue(stream.cancellation().isCancelled());
        assertEquals("stream_cancelled", stream.cancellation().reason());
        assertTrue(System.currentTimeMillis() - start < 50, "the token fired within 50 ms");
        assertNull(stream.next());
    }

    @Test
    void aFailingStreamItemIsNodeFailedOnTheCaptureAndEndsTheStream() throws Exception {
        FlowIR flow = new TestFlows().trigger("t").node("s").edge("t", "s").build();
        NodeRegistry r = identity("t").registerStream("s", (in, ctx) -> new StreamSource() {
            int n;

            @Override
            public JsonValue next() throws NodeError {
                if (n++ == 1) throw new NodeError("boom");
                return JsonNumber.ofU64(n);
            }
        });
        ResultStream stream = FlowRuntime.builder(flow, r).build().execute(Invocation.of("t", "s", json("1"))).stream();
        assertEquals(json("1"), stream.next());
        ExecutionError e = assertThrows(ExecutionError.class, stream::next);
        assertEquals("node `s` failed: boom", e.getMessage());
        assertNull(stream.next());
        assertTrue(stream.cancellation().isCancelled());
    }

    @Test
    void aStreamOnANodeOtherThanTheCaptureFailsThatNode() {
        FlowIR flow = new TestFlows().trigger("t").node("s").node("c").edge("t", "s").edge("s", "c").build();
        NodeRegistry r = counting("s", 3, new boolean[1]).register("c", (in, ctx) -> in);
        ExecutionError e = assertThrows(ExecutionError.class,
                () -> FlowRuntime.builder(flow, r).build().execute(Invocation.of("t", "c", json("1"))));
        assertEquals("node `s` failed: stream outputs are only supported on the capture node", e.getMessage());
    }
}
