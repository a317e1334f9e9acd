package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.ir.EdgeIR;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a flow that is one straight line of non-blocking value nodes on the invoking thread, node after
 * node. Each node of such a flow sees exactly one input and hands its one output to the next, so the
 * task-per-node executor would answer the same; this path only skips its tasks, lanes and permits
 * (on Workers each task is a green thread started through a timer, which is most of a request's cost).
 *
 * <p>The last node may instead be a non-blocking stream: it is opened on the invoking thread as well, and its items
 * are pulled by whoever reads the {@link ResultStream} ({@link StreamRun.Inline}: a token, no task to wait for).
 */
final class StraightLineRun {
    private StraightLineRun() {}

    /**
     * The aliases from the root to the last node, or null when the flow is not one straight line of
     * registered non-blocking value nodes joined by plain edges (no routing surface, no spill tier).
     */
    static List<String> of(FlowExecutor.Plan plan, NodeRegistry registry) {
        FlowIR flow = plan.flow;
        if (plan.routingError != null || plan.handlerError != null || !flow.controlSurfaces().isEmpty()) return null;
        String root = null;
        for (String alias : plan.aliases) {
            if (plan.inbound.get(alias).size() > 1 || plan.outgoing.get(alias).size() > 1) return null;
            if (plan.inbound.get(alias).isEmpty()) {
                if (root != null) return null;
                root = alias;
            }
        }
        for (EdgeIR e : flow.edges()) {
            if (plan.spillTierName(e) != null) return null;
        }
        List<String> line = new ArrayList<>();
        for (String at = root; at != null; ) {
            if (line.contains(at)) return null;
            if (!registry.isNonBlocking(flow.node(at).identifier())) return null;
            List<EdgeIR> out = plan.outgoing.get(at);
            // A stream that feeds another node takes the tasks (its items become that node's inputs).
            if (!(plan.handlers.get(at) instanceof NodeHandler) && !out.isEmpty()) return null;
            line.add(at);
            at = out.isEmpty() ? null : out.get(0).to();
        }
        return line.size() == plan.aliases.size() ? line : null;
    }

    /** Whether this invocation enters at the line's start and captures its end (anything else takes the tasks). */
    static boolean fits(List<String> line, Invocation invocation) {
        return line != null
                && invocation.triggerAlias().equals(line.get(0))
                && invocation.captureAlias().equals(line.get(line.size() - 1))
                && !invocation.hasZeroDeadline();
    }

    static ExecutionResult run(FlowExecutor.Plan plan, List<String> line, Invocation invocation,
                               RunEnvironment environment, Resources resources, RunObserver observer)
            throws ExecutionError {
        // Only a run with a deadline reads the clock: under TeaVM, the long it returns is a BigInt.
        long start = invocation.hasDeadline() ? System.currentTimeMillis() : 0;
        observer.runStarted();
        CancellationToken client = invocation.client();
        if (client != null && client.isCancelled()) {
            observer.runEnded(true);
            throw ExecutionError.cancelled();
        }
        CancellationToken token = new CancellationToken();
        NodeContext context = new NodeContext(token, environment, resources);
        JsonValue value = invocation.payload();
        for (String alias : line) {
            Object handler = plan.handlers.get(alias);
            try {
                if (handler instanceof StreamHandler) { // only the last node (see of)
                    StreamSource source = ((StreamHandler) handler).open(value, context);
                    return stream(plan, alias, source, new StreamRun.Inline(token), invocation, start, observer);
                }
                value = ((NonBlockingNodeHandler) handler).handle(value, context); // see of: registered non-blocking
            } catch (NodeError e) {
                observer.runEnded(false);
                throw ExecutionError.nodeFailed(alias, e.getMessage());
            } catch (RuntimeException e) {
                observer.runEnded(false);
                throw e;
            }
            if (value == null) {
                // The task executor would wait for the deadline or the client; a non-blocking node must not do this.
                observer.runEnded(false);
                throw new IllegalStateException("non-blocking node `" + alias + "` returned no output");
            }
        }
        observer.runEnded(false);
        if (late(invocation, start)) throw ExecutionError.deadlineExceeded(invocation.deadlineMillis());
        return ExecutionResult.value(value);
    }

    /** The opened stream as the result; the run stays open until the stream ends or is cancelled, as the executor's. */
    private static ExecutionResult stream(FlowExecutor.Plan plan, String alias, StreamSource source, StreamRun.Inline run,
                                          Invocation invocation, long start, RunObserver observer) throws ExecutionError {
        if (late(invocation, start)) {
            run.stop("deadline");
            observer.runEnded(false);
            throw ExecutionError.deadlineExceeded(invocation.deadlineMillis());
        }
        CancellationToken client = invocation.client();
        if (client != null) client.onCancel(() -> run.stop(FlowExecutor.CLIENT_GONE));
        return ExecutionResult.stream(new ResultStream(run, alias, source, true, false, observer, plan.taskRunner));
    }

    /** The first output (a value, or the opened stream) came after the deadline. */
    private static boolean late(Invocation invocation, long start) {
        return invocation.hasDeadline() && System.currentTimeMillis() - start > invocation.deadlineMillis();
    }
}
