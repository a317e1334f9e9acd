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

    private static NodeRegistry nonBlocking(NodeHandler middle) {
        return new NodeRegistry()
                .registerNonBlocking("t", (in, ctx) -> in)
                .registerNonBlocking("a", middle)
                .registerNonBlocking("c", (in, ctx) -> in);
    }

    /** The run's answer as text (value or error kind and message), and what the observer saw. */
    private String answer(FlowIR flow, NodeRegistry registry, Invocation invocation, boolean inline) {
        StringBuilder seen = new StringBuilder();
        RunObserver observer = new RunObserver() {
            @Override
            public void runStarted() { seen.append(" started"); }

            @Override
            public void runEnded(boolean cancelledByClient) { seen.append(cancelledByClient ? " gone" : " ended"); }
        };
        FlowRuntime runtime = FlowRuntime.builder(flow, registry).taskRunner(countingTasks).observer(observer)
                .settings(ExecutorSettings.defaults().withStraightLinesInline(inline)).build();
        try {
            return new String(JsonWriter.toBytes(runtime.execute(invocation).value()), StandardCharsets.UTF_8) + seen;
        } catch (ExecutionError e) {
            return e.kind() + ": " + e.getMessage() + seen;
        }
    }

    private void assertSameAnswerBothWays(NodeHandler middle, Invocation invocation, String expected) {
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
        NodeHandler busy = (in, ctx) -> {
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
        NodeRegistry streaming = new NodeRegistry().registerNonBlocking("t", (in, ctx) -> in)
                .registerNonBlocking("a", (in, ctx) -> in).registerNonBlockingStream("c", (in, ctx) -> () -> null);
        assertEquals(null, new FlowExecutor.Plan(line, streaming, ExecutorSettings.defaults(), countingTasks).straightLine,
                "a stream at the end");
        FlowExecutor.Plan plain = new FlowExecutor.Plan(line, registry, ExecutorSettings.defaults(), countingTasks);
        assertEquals(java.util.List.of("t", "a", "c"), plain.straightLine);
    }

    private static String messageOf(ExecutionError e) {
        return e.getMessage();
    }
}
