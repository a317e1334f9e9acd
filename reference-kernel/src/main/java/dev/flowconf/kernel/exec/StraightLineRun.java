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
            if (!(plan.handlers.get(at) instanceof NodeHandler)) return null; // a stream result takes the tasks
            line.add(at);
            List<EdgeIR> out = plan.outgoing.get(at);
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
        NodeContext context = new NodeContext(new CancellationToken(), environment, resources);
        JsonValue value = invocation.payload();
        for (String alias : line) {
            try {
                value = ((NodeHandler) plan.handlers.get(alias)).handle(value, context);
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
        if (invocation.hasDeadline() && System.currentTimeMillis() - start > invocation.deadlineMillis()) {
            throw ExecutionError.deadlineExceeded(invocation.deadlineMillis());
        }
        return ExecutionResult.value(value);
    }
}
