package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.ir.EdgeIR;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.ir.NodeIR;
import dev.flowconf.kernel.json.JsonValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one invocation of a flow to its first captured value.
 *
 * <p>Messages move through the graph in FIFO order on the calling thread: a node's output goes to
 * its outgoing edges in edge order, gated by the routing surfaces. The deadline bounds the first
 * captured output; handlers are not pre-empted (upstream does not pre-empt them either), so the
 * deadline is checked between node runs and once the capture has fired.
 */
public final class FlowExecutor {
    private final FlowIR flow;
    private final Clock clock;
    private final Map<String, List<EdgeIR>> outgoing = new HashMap<>();
    private final Map<String, Integer> inbound = new HashMap<>();
    /** Built once; a broken flow keeps failing the same way on every run, as upstream's does. */
    private final Routing routing;
    private final Map<String, NodeHandler> handlers;
    private final ExecutionError instantiationError;

    public FlowExecutor(FlowIR flow, NodeRegistry registry, Clock clock) {
        this.flow = flow;
        this.clock = clock;
        for (NodeIR n : flow.nodes()) {
            outgoing.put(n.alias(), new ArrayList<>());
            inbound.put(n.alias(), 0);
        }
        for (EdgeIR e : flow.edges()) {
            List<EdgeIR> out = outgoing.get(e.from());
            if (out != null) out.add(e);
            inbound.computeIfPresent(e.to(), (k, v) -> v + 1);
        }
        Routing builtRouting = null;
        Map<String, NodeHandler> resolved = new HashMap<>();
        ExecutionError error = null;
        try {
            builtRouting = Routing.build(flow);
            resolve(registry, resolved);
        } catch (ExecutionError e) {
            error = e;
        }
        this.routing = builtRouting;
        this.handlers = resolved;
        this.instantiationError = error;
    }

    private void resolve(NodeRegistry registry, Map<String, NodeHandler> into) throws ExecutionError {
        for (NodeIR n : flow.nodes()) {
            NodeHandler h = registry.lookup(n.identifier());
            if (h == null) throw ExecutionError.unregisteredNode(n.identifier());
            into.put(n.alias(), h);
        }
    }

    private static final class Message {
        final String alias;
        final JsonValue payload;

        Message(String alias, JsonValue payload) {
            this.alias = alias;
            this.payload = payload;
        }
    }

    public ExecutionResult runOnce(Invocation invocation, RunEnvironment environment) throws ExecutionError {
        long start = clock.nowMillis();
        CancellationToken token = new CancellationToken();
        instantiate(invocation.captureAlias());
        String trigger = invocation.triggerAlias();
        if (!handlers.containsKey(trigger) || inbound.get(trigger) != 0) {
            throw ExecutionError.unknownTrigger(trigger);
        }
        NodeContext context = new NodeContext(token, environment);
        ArrayDeque<Message> queue = new ArrayDeque<>();
        queue.add(new Message(trigger, invocation.payload()));
        while (!queue.isEmpty()) {
            checkDeadline(invocation, start, token);
            Message m = queue.poll();
            JsonValue output;
            try {
                output = handlers.get(m.alias).handle(m.payload, context);
            } catch (NodeError e) {
                token.cancel("node_error");
                throw ExecutionError.nodeFailed(m.alias, e.getMessage());
            }
            if (output == null) continue;
            if (m.alias.equals(invocation.captureAlias())) {
                checkDeadline(invocation, start, token);
                return ExecutionResult.value(output);
            }
            forward(m.alias, output, queue, token);
        }
        return outcomeWithoutOutput(invocation, start, token);
    }

    /** Upstream's order of checks: routing, then handlers, then the capture alias. */
    private void instantiate(String captureAlias) throws ExecutionError {
        if (instantiationError != null) throw instantiationError;
        if (!handlers.containsKey(captureAlias)) throw ExecutionError.unknownCapture(captureAlias);
    }

    private void forward(String alias, JsonValue output, ArrayDeque<Message> queue, CancellationToken token)
            throws ExecutionError {
        Routing.Route route = routing.forSource(alias);
        String selected = null;
        if (route != null) {
            try {
                selected = route.select(output);
            } catch (NodeError e) {
                token.cancel(route.surfaceKind + "_routing_failed");
                throw ExecutionError.nodeFailed(alias, e.getMessage());
            }
            if (selected != null && !hasEdge(alias, selected)) {
                token.cancel(route.surfaceKind + "_routing_failed");
                throw ExecutionError.nodeFailed(alias, route.surfaceKind + " `" + route.surfaceId
                        + "` selected target `" + selected + "` but no such edge exists");
            }
        }
        boolean sent = false;
        for (EdgeIR e : outgoing.get(alias)) {
            if (route != null && route.controlled.contains(e.to()) && !e.to().equals(selected)) continue;
            queue.add(new Message(e.to(), output));
            sent = true;
        }
        if (route != null && route.isSwitch() && selected == null && !sent) {
            token.cancel("switch_no_target");
        }
    }

    private boolean hasEdge(String from, String to) {
        for (EdgeIR e : outgoing.get(from)) {
            if (e.to().equals(to)) return true;
        }
        return false;
    }

    /**
     * Nothing reached the capture. A cancelled run (a switch with no target) has no output; otherwise
     * upstream keeps waiting for one, so the deadline decides.
     */
    private ExecutionResult outcomeWithoutOutput(Invocation invocation, long start, CancellationToken token)
            throws ExecutionError {
        if (token.isCancelled() || !invocation.hasDeadline()) {
            throw ExecutionError.missingOutput(invocation.captureAlias());
        }
        long remaining = start + invocation.deadlineMillis() - clock.nowMillis();
        if (remaining > 0) {
            try {
                clock.sleepMillis(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ExecutionError.cancelled();
            }
        }
        token.cancel("deadline");
        throw ExecutionError.deadlineExceeded(invocation.deadlineMillis());
    }

    private void checkDeadline(Invocation invocation, long start, CancellationToken token) throws ExecutionError {
        if (invocation.hasDeadline() && clock.nowMillis() - start > invocation.deadlineMillis()) {
            token.cancel("deadline");
            throw ExecutionError.deadlineExceeded(invocation.deadlineMillis());
        }
    }
}
