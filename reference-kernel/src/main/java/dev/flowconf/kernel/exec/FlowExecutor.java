package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.ir.EdgeIR;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.ir.NodeIR;
import dev.flowconf.kernel.json.JsonNumber;
import dev.flowconf.kernel.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs invocations of one flow the way upstream's kernel-exec does: every node is a task reading
 * bounded per-edge lanes (backpressure), outputs follow edges in order as the routing surfaces
 * allow, the first captured output is the result, and a deadline bounds only that first output.
 * The flow is planned once; every run gets fresh lanes, tasks and a cancellation token.
 */
public final class FlowExecutor {
    static final String WASM_SPILL_MESSAGE =
            "Spill-to-filesystem is not supported on this platform (wasm). Disable spill_tier or run on native.";

    private final Plan plan;
    private final SpillStore spillStore;

    public FlowExecutor(FlowIR flow, NodeRegistry registry, ExecutorSettings settings, SpillStore spillStore,
                        TaskRunner taskRunner) {
        this.plan = new Plan(flow, registry, settings, taskRunner);
        this.spillStore = spillStore;
    }

    /** Whether this invocation runs on the invoking thread, start to end, without waiting on anything. */
    public boolean runsInline(Invocation invocation) {
        return StraightLineRun.fits(plan.straightLine, invocation);
    }

    /**
     * {@link #runOnce} for an invocation that {@link #runsInline}: nothing it calls may block, so TeaVM keeps it (and its
     * callers on the inline path) a plain function rather than a resumable state machine.
     */
    public ExecutionResult runInline(Invocation invocation, RunEnvironment environment, Resources resources,
                                     RunObserver observer) throws ExecutionError {
        if (!runsInline(invocation)) throw new IllegalStateException("this invocation does not run inline");
        return StraightLineRun.run(plan, plan.straightLine, invocation, environment, resources, observer);
    }

    /** Upstream's instantiate checks, in its order: routing, handlers, spill, capture alias. */
    FlowInstance instantiate(String captureAlias, RunEnvironment environment, Resources resources)
            throws ExecutionError {
        if (plan.routingError != null) throw plan.routingError;
        if (plan.handlerError != null) throw plan.handlerError;
        Map<String, SpillStore.Tier> tiers = openSpillTiers();
        if (!plan.handlers.containsKey(captureAlias)) throw ExecutionError.unknownCapture(captureAlias);
        FlowInstance instance = new FlowInstance(plan, captureAlias, environment, resources, tiers);
        instance.start();
        return instance;
    }

    private Map<String, SpillStore.Tier> openSpillTiers() throws ExecutionError {
        Map<String, SpillStore.Tier> tiers = new HashMap<>();
        for (EdgeIR e : plan.flow.edges()) {
            String tier = plan.spillTierName(e);
            if (tier == null || tiers.containsKey(tier)) continue;
            if (spillStore == null) throw ExecutionError.unsupportedSpill(WASM_SPILL_MESSAGE);
            try {
                tiers.put(tier, spillStore.open(plan.flow.id(), tier));
            } catch (Exception ex) {
                throw ExecutionError.spillSetup(String.valueOf(ex.getMessage()));
            }
        }
        return tiers;
    }

    /** Upstream `run_once`: one payload in, the first captured output (or its error) out. */
    public ExecutionResult runOnce(Invocation invocation, RunEnvironment environment, Resources resources,
                                   RunObserver observer) throws ExecutionError {
        if (runsInline(invocation)) {
            return runInline(invocation, environment, resources, observer);
        }
        long start = System.currentTimeMillis();
        FlowInstance instance = instantiate(invocation.captureAlias(), environment, resources);
        observer.runStarted();
        CancellationToken client = invocation.client();
        if (client != null) client.onCancel(() -> instance.stop(CLIENT_GONE));
        CaptureItem first;
        try {
            instance.send(invocation.triggerAlias(), invocation.payload());
            long timeout = invocation.hasDeadline()
                    ? Math.max(0, start + invocation.deadlineMillis() - System.currentTimeMillis()) : -1;
            first = instance.nextCapture(timeout);
        } catch (ExecutionError e) {
            throw end(instance, observer, "send_failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw end(instance, observer, "external", ExecutionError.cancelled());
        }
        if (first == null) {
            if (CLIENT_GONE.equals(instance.token.reason())) {
                throw end(instance, observer, CLIENT_GONE, ExecutionError.cancelled());
            }
            if (instance.captureTimedOut()) {
                throw end(instance, observer, "deadline", ExecutionError.deadlineExceeded(invocation.deadlineMillis()));
            }
            throw end(instance, observer, "no_output", ExecutionError.missingOutput(invocation.captureAlias()));
        }
        switch (first.kind) {
            case VALUE:
                if (first.permit) instance.permits.release();
                end(instance, observer, "completed", null);
                return ExecutionResult.value(first.value);
            case STREAM:
                boolean nonBlocking = plan.nonBlocking.contains(invocation.captureAlias());
                return ExecutionResult.stream(new ResultStream(instance, invocation.captureAlias(), first.stream,
                        nonBlocking,
                        first.permit, observer, plan.taskRunner));
            default:
                throw end(instance, observer, "node_error", ExecutionError.nodeFailed(first.alias, first.message));
        }
    }

    /** Why a run stops when its client went away; such runs answer Cancelled. */
    static final String CLIENT_GONE = "client_gone";

    /** Shuts the instance down, tells the observer, and hands back the error to throw (if any). */
    private static ExecutionError end(FlowInstance instance, RunObserver observer, String reason, ExecutionError e) {
        instance.shutdown(reason);
        observer.runEnded(CLIENT_GONE.equals(instance.token.reason()));
        return e;
    }

    /** Everything about a flow that does not change between runs. */
    static final class Plan {
        final FlowIR flow;
        final ExecutorSettings settings;
        final TaskRunner taskRunner;
        final List<String> aliases = new ArrayList<>();
        final Map<String, List<EdgeIR>> inbound = new LinkedHashMap<>();
        final Map<String, List<EdgeIR>> outgoing = new HashMap<>();
        final Map<EdgeIR, Integer> lanes = new HashMap<>();
        final Map<String, Object> handlers = new HashMap<>();
        final Routing routing;
        final ExecutionError routingError;
        final ExecutionError handlerError;
        /** Aliases of nodes registered as non-blocking. */
        final Set<String> nonBlocking = new HashSet<>();
        /** Non-null when the flow may run inline (see {@link StraightLineRun}). */
        final List<String> straightLine;

        Plan(FlowIR flow, NodeRegistry registry, ExecutorSettings settings, TaskRunner taskRunner) {
            this.flow = flow;
            this.settings = settings;
            this.taskRunner = taskRunner;
            for (NodeIR n : flow.nodes()) {
                aliases.add(n.alias());
                inbound.put(n.alias(), new ArrayList<>());
                outgoing.put(n.alias(), new ArrayList<>());
            }
            for (EdgeIR e : flow.edges()) {
                List<EdgeIR> in = inbound.get(e.to());
                List<EdgeIR> out = outgoing.get(e.from());
                if (in == null || out == null) continue; // validation reports unknown endpoints
                lanes.put(e, in.size());
                in.add(e);
                out.add(e);
            }
            Routing builtRouting = null;
            ExecutionError routeError = null;
            try {
                builtRouting = Routing.build(flow);
            } catch (ExecutionError e) {
                routeError = e;
            }
            this.routing = builtRouting;
            this.routingError = routeError;
            ExecutionError missingHandler = null;
            for (NodeIR n : flow.nodes()) {
                Object h = registry.lookup(n.identifier());
                if (h == null) {
                    missingHandler = ExecutionError.unregisteredNode(n.identifier());
                    break;
                }
                handlers.put(n.alias(), h);
                if (registry.isNonBlocking(n.identifier())) nonBlocking.add(n.alias());
            }
            this.handlerError = missingHandler;
            this.straightLine = settings.straightLinesInline ? StraightLineRun.of(this, registry) : null;
        }

        int lane(EdgeIR e) { return lanes.get(e); }

        int capacity(EdgeIR e) {
            Long max = unsigned(e.buffer().get("max_items"));
            return max == null ? settings.edgeCapacity : (int) Math.max(1, Math.min(max, Integer.MAX_VALUE));
        }

        String spillTierName(EdgeIR e) {
            JsonValue tier = e.buffer().get("spill_tier");
            return tier != null && tier.isString() ? tier.asString().value() : null;
        }

        Long spillThreshold(EdgeIR e) {
            return unsigned(e.buffer().get("spill_threshold_bytes"));
        }

        boolean hasEdge(String from, String to) {
            for (EdgeIR e : outgoing.get(from)) {
                if (e.to().equals(to)) return true;
            }
            return false;
        }

        private static Long unsigned(JsonValue v) {
            return v != null && v.isNumber() && v.asNumber().kind() == JsonNumber.Kind.U64 ? v.asNumber().longBits() : null;
        }
    }
}
