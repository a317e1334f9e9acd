package dev.flowconf.kernel.exec;

import static dev.flowconf.kernel.exec.TestFlows.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.json.JsonValue;
import dev.flowconf.kernel.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A straight line of non-blocking nodes runs without tasks and answers exactly as the task executor does. */
class StraightLineRunTests {
    private final FlowIR line = new TestFlows().trigger("t").node("a").node("c").edge("t", "a").edge("a", "c").build();
    private final AtomicInteger tasksStarted = new AtomicInteger();
    private final TaskRunner countingTasks = (name, task) -> {
        tasksStarted.incrementAndGet();
        TaskRunner.THREAD_PER_TASK.run(name, task);
    };

    private static NodeRegistry nonBlocking(NonBlockingNodeHandler middle) {
        return new NodeRegistry()
                .registerNonBlocking("t", (in, ctx) -> in)
                .registerNonBlocking("a", middle)
                .registerNonBlocking("c", (in, ctx) -> in);
    }

    /** An observer that writes " started", then " ended" or " gone" (cancelled because the client left). */
    private static RunObserver recording(StringBuilder seen) {
        return new RunObserver() {
            @Override
            public void runStarted() { seen.append(" started"); }

            @Override
            public void runEnded(boolean cancelledByClient) { seen.append(cancelledByClient ? " gone" : " ended"); }
        };
    }

    /** The run's answer as text (value or error kind and message), and what the observer saw. */
    private String answer(FlowIR flow, NodeRegistry registry, Invocation invocation, boolean inline) {
        StringBuilder seen = new StringBuilder();
        RunObserver observer = recording(seen);
        FlowRuntime runtime = FlowRuntime.builder(flow, registry).taskRunner(countingTasks).observer(observer)
                .settings(ExecutorSettings.defaults().withStraightLinesInline(inline)).build();
        try {
            return new String(JsonWriter.toBytes(runtime.execute(invocation).value()), StandardCharsets.UTF_8) + seen;
        } catch (ExecutionError e) {
            return e.kind() + ": " + e.getMessage() + seen;
        }
    }

    private void assertSameAnswerBothWays(NonBlockingNodeHandler middle, Invocation invocation, String expected) {
        assertEquals(expected, answer(line, nonBlocking(middle), invocation, false), "task executor");
        tasksStarted.set(0);
        assertEquals(expected, answer(line, nonBlocking(middle), invocation, true), "inline");
        assertEquals(0, tasksStarted.get(), "inline runs start no task");
    }

    @Test
    void valueRunsWithoutATaskAndMatchesTheTaskExecutor() {
        assertSameAnswerBothWays((in, ctx) -> in, Invocation.of("t", "c", json("{\"x\":1}")), "{\"x\":1} started ended");
    }

    @Test
    void nodeFailureMatchesTheTaskExecutor() {
        assertSameAnswerBothWays((in, ctx) -> {
            throw new NodeError("boom");
        }, Invocation.of("t", "c", json("1")), "NODE_FAILED: node `a` failed: boom started ended");
    }

    @Test
    void aNonBlockingNodeWithoutOutputIsAnErrorNotAWait() {
        // The task executor would wait for the deadline or the client; a non-blocking node breaks its contract.
        FlowRuntime runtime = FlowRuntime.builder(line, nonBlocking((in, ctx) -> null)).taskRunner(countingTasks).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> runtime.execute(Invocation.of("t", "c", json("1"))));
        assertEquals("non-blocking node `a` returned no output", e.getMessage());
    }

    @Test
    @Tag("jvm-only") // TeaVM's green threads cannot preempt a busy node, so there its task executor answers the value
    void aMissedDeadlineMatchesTheTaskExecutor() {
        NonBlockingNodeHandler busy = (in, ctx) -> {
            long until = System.currentTimeMillis() + 60;
            while (System.currentTimeMillis() < until) {
                // keeps the thread busy past the deadline without waiting on anything
            }
            return in;
        };
        assertSameAnswerBothWays(busy, Invocation.of("t", "c", json("1")).withDeadlineMillis(5),
                "DEADLINE_EXCEEDED: " + messageOf(ExecutionError.deadlineExceeded(5)) + " started ended");
    }

    @Test
    void aClientGoneBeforeTheRunIsCancelledAndCounted() {
        CancellationToken gone = new CancellationToken();
        gone.cancel("client_gone");
        String answer = answer(line, nonBlocking((in, ctx) -> in), Invocation.of("t", "c", json("1")).withClient(gone), true);
        assertEquals("CANCELLED: " + messageOf(ExecutionError.cancelled()) + " started gone", answer);
    }

    @Test
    void anythingButTheWholeLineTakesTheTasks() {
        JsonValue one = json("1");
        // capture in the middle of the line
        assertEquals("1 started ended", answer(line, nonBlocking((in, ctx) -> in), Invocation.of("t", "a", one), true));
        assertTrue(tasksStarted.getAndSet(0) > 0, "capture not at the end");
        // one node that may block
        NodeRegistry blocking = new NodeRegistry().registerNonBlocking("t", (in, ctx) -> in)
                .register("a", (in, ctx) -> in).registerNonBlocking("c", (in, ctx) -> in);
        assertEquals("1 started ended", answer(line, blocking, Invocation.of("t", "c", one), true));
        assertTrue(tasksStarted.getAndSet(0) > 0, "a blocking node");
        // a fork
        FlowIR fork = new TestFlows().trigger("t").node("a").node("c").edge("t", "a").edge("t", "c").build();
        assertEquals("1 started ended", answer(fork, nonBlocking((in, ctx) -> in), Invocation.of("t", "c", one), true));
        assertTrue(tasksStarted.getAndSet(0) > 0, "a fork");
        // a path through every node, plus a shortcut edge past the middle one
        FlowIR shortcut = new TestFlows().trigger("t").node("a").node("c").edge("t", "a").edge("a", "c").edge("t", "c")
                .build();
        answer(shortcut, nonBlocking((in, ctx) -> in), Invocation.of("t", "c", one), true);
        assertTrue(tasksStarted.getAndSet(0) > 0, "a shortcut");
    }

    @Test
    void controlSurfacesAndSpillTiersAreNeverInline() {
        FlowIR withSurface = new TestFlows().trigger("t").node("a").node("c").edge("t", "a").edge("a", "c")
                .surface("rate_limit:0", "rate_limit", "{}").build();
        NodeRegistry registry = nonBlocking((in, ctx) -> in);
        FlowExecutor.Plan plan = new FlowExecutor.Plan(withSurface, registry, ExecutorSettings.defaults(), countingTasks);
        assertEquals(null, plan.straightLine);
        NodeRegistry streamInTheMiddle = new NodeRegistry().registerNonBlocking("t", (in, ctx) -> in)
                .registerNonBlockingStream("a", (in, ctx) -> () -> null).registerNonBlocking("c", (in, ctx) -> in);
        assertEquals(null,
                new FlowExecutor.Plan(line, streamInTheMiddle, ExecutorSettings.defaults(), countingTasks).straightLine,
                "a stream feeding another node");
        FlowExecutor.Plan plain = new FlowExecutor.Plan(line, registry, ExecutorSettings.defaults(), countingTasks);
        assertEquals(java.util.List.of("t", "a", "c"), plain.straightLine);
    }

    /** A line ending in a non-blocking stream of n items ("0".."n-1"), each counting the node's token state. */
    private static NodeRegistry streamingLine(int n) {
        return new NodeRegistry().registerNonBlocking("t", (in, ctx) -> in).registerNonBlocking("a", (in, ctx) -> in)
                .registerNonBlockingStream("c", (in, ctx) -> {
                    int[] next = {0};
                    return () -> next[0] < n ? json(String.valueOf(next[0]++)) : null;
                });
    }

    /** The stream's items, read to the end or cancelled after {@code read} of them, and what the observer saw. */
    private String streamed(NodeRegistry registry, boolean inline, int read) throws ExecutionError {
        StringBuilder seen = new StringBuilder();
        RunObserver observer = recording(seen);
        FlowRuntime runtime = FlowRuntime.builder(line, registry).taskRunner(countingTasks).observer(observer)
                .settings(ExecutorSettings.defaults().withStraightLinesInline(inline)).build();
        ResultStream stream = runtime.execute(Invocation.of("t", "c", json("1"))).stream();
        StringBuilder items = new StringBuilder();
        for (int i = 0; read < 0 || i < read; i++) {
            JsonValue item = stream.next();
            if (item == null) break;
            items.append(JsonWriter.toJson(item)).append(',');
        }
        if (read >= 0) stream.cancel();
        // The task executor reports the end from a task of its own, once the node tasks are over.
        for (int i = 0; i < 200 && !seen.toString().matches(".*(ended|gone)$"); i++) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return items + seen.toString() + (stream.cancellation().isCancelled() ? " stopped" : " open");
    }

    @Test
    void aStreamAtTheEndOpensWithoutATaskAndMatchesTheTaskExecutor() throws ExecutionError {
        String whole = "0,1,2, started ended stopped";
        assertEquals(whole, streamed(streamingLine(3), false, -1), "task executor");
        tasksStarted.set(0);
        assertEquals(whole, streamed(streamingLine(3), true, -1), "inline");
        assertEquals(0, tasksStarted.get(), "an inline stream starts no task, not even to report its end");
    }

    @Test
    void aCancelledInlineStreamStopsItsRunAndCountsAsTheClientLeaving() throws ExecutionError {
        String cancelled = "0,1, started gone stopped";
        assertEquals(cancelled, streamed(streamingLine(1_000), false, 2), "task executor");
        assertEquals(cancelled, streamed(streamingLine(1_000), true, 2), "inline");
    }

    @Test
    void aClientLeavingStopsAnInlineStream() throws ExecutionError {
        CancellationToken client = new CancellationToken();
        FlowRuntime runtime = FlowRuntime.builder(line, streamingLine(1_000)).taskRunner(countingTasks).build();
        ResultStream stream = runtime.execute(Invocation.of("t", "c", json("1")).withClient(client)).stream();
        assertEquals("0", JsonWriter.toJson(stream.next()));
        client.cancel("client_gone");
        assertEquals(null, stream.next(), "no item after the client left");
        assertEquals("client_gone", stream.cancellation().reason());
        assertEquals(0, tasksStarted.get());
    }

    private static String messageOf(ExecutionError e) {
        return e.getMessage();
    }
}
