package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.ir.EdgeIR;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonValue;
import dev.flowconf.kernel.json.JsonWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One live run of a flow (upstream FlowInstance): a task per node, a bounded lane per edge, the
 * capture sink, in-flight permits and one cancellation token. Built by {@link FlowExecutor}.
 */
final class FlowInstance implements StreamRun {
    private final FlowExecutor.Plan plan;
    private final String captureAlias;
    final CancellationToken token = new CancellationToken();
    private final Map<String, Inbox<Message>> inboxes = new HashMap<>();
    final Inbox<CaptureItem> sink;
    final Permits permits;
    private final TaskLatch tasks = new TaskLatch();
    private final NodeContext context;
    private final Map<String, SpillStore.Tier> spillTiers;

    FlowInstance(FlowExecutor.Plan plan, String captureAlias, RunEnvironment environment, Resources resources,
                 Map<String, SpillStore.Tier> spillTiers) {
        this.plan = plan;
        this.captureAlias = captureAlias;
        this.spillTiers = spillTiers;
        this.context = new NodeContext(token, environment, resources);
        for (String alias : plan.aliases) {
            List<EdgeIR> in = plan.inbound.get(alias);
            boolean root = in.isEmpty();
            int lanes = in.size() + (root ? 1 : 0);
            int[] capacity = new int[lanes];
            int[] senders = new int[lanes];
            for (int i = 0; i < in.size(); i++) {
                capacity[i] = plan.capacity(in.get(i));
                senders[i] = 1;
            }
            if (root) {
                capacity[lanes - 1] = plan.settings.triggerCapacity;
                senders[lanes - 1] = 1; // the instance itself, until shutdown
            }
            inboxes.put(alias, new Inbox<>(capacity, senders));
        }
        sink = Inbox.single(plan.settings.captureCapacity, plan.aliases.size());
        permits = new Permits(plan.settings.captureCapacity);
        token.onCancel(this::abortAll);
    }

    void start() {
        for (String alias : plan.aliases) {
            tasks.started();
            plan.taskRunner.run("flowconf-node-" + alias, () -> runNode(alias));
        }
    }

    /** Hands a payload to a root node, waiting for a permit and lane space (upstream `send`). */
    void send(String triggerAlias, JsonValue payload) throws ExecutionError {
        List<EdgeIR> in = plan.inbound.get(triggerAlias);
        if (in == null || !in.isEmpty()) throw ExecutionError.unknownTrigger(triggerAlias);
        try {
            if (!permits.acquire()) throw ExecutionError.cancelled();
            if (!inboxes.get(triggerAlias).send(in.size(), Message.of(payload, true))) {
                permits.release();
                throw ExecutionError.cancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ExecutionError.cancelled();
        }
    }

    /** Cancels (if nothing else did), stops every task and waits until all have ended. */
    void shutdown(String reason) {
        stop(reason);
        awaitTasks();
    }

    @Override
    public CancellationToken token() { return token; }

    @Override
    public void releasePermit() { permits.release(); }

    @Override
    public boolean hasTasks() { return true; }

    /** Waits until every node task has ended (after a stop). */
    @Override
    public void awaitTasks() {
        try {
            tasks.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Node tasks still running (probes and tests). */
    int runningTasks() { return tasks.running(); }

    /**
     * Cancels and releases every task waiting to hand the capture sink something nobody will read.
     * Does not wait for the tasks.
     */
    @Override
    public void stop(String reason) {
        token.cancel(reason);
        sink.abort();
    }

    /**
     * On cancellation nodes stop taking input; the capture sink stays readable so the failure a
     * node reported before cancelling still reaches the caller.
     */
    private void abortAll() {
        for (Inbox<Message> inbox : inboxes.values()) inbox.abort();
        permits.abort();
    }

    private void runNode(String alias) {
        try {
            loop(alias);
        } catch (InterruptedException e) {
            token.cancel("external");
        } finally {
            for (EdgeIR e : plan.outgoing.get(alias)) inboxes.get(e.to()).senderDone(plan.lane(e));
            sink.senderDone(0);
            tasks.finished();
        }
    }

    private void loop(String alias) throws InterruptedException {
        Inbox<Message> inbox = inboxes.get(alias);
        Object handler = plan.handlers.get(alias);
        boolean isCapture = alias.equals(captureAlias);
        while (!token.isCancelled()) {
            Message m = inbox.receive();
            if (m == null) return;
            boolean permit = m.permit;
            if (token.isCancelled()) { // biased, like upstream's select: cancellation wins over input
                if (permit) permits.release();
                return;
            }
            try {
                JsonValue payload = m.spillKey == null ? m.payload : load(m);
                if (handler instanceof StreamHandler) {
                    if (!isCapture) throw new NodeError("stream outputs are only supported on the capture node");
                    StreamSource source = ((StreamHandler) handler).open(payload, context);
                    sink.send(0, CaptureItem.stream(source, permit));
                    return; // a capture stream ends its task
                }
                JsonValue output = ((NodeHandler) handler).handle(payload, context);
                if (output != null) {
                    if (isCapture) {
                        permit = !sink.send(0, CaptureItem.value(output, permit)) && permit;
                    }
                    permit = forward(alias, output, permit);
                }
            } catch (NodeError e) {
                sink.send(0, CaptureItem.error(alias, e.getMessage(), false));
                token.cancel("node_error");
            }
            if (permit) permits.release();
        }
    }

    /** Sends the output down the node's edges as routing allows; returns whether the permit is still held. */
    private boolean forward(String alias, JsonValue output, boolean permit) throws NodeError, InterruptedException {
        Routing.Route route = plan.routing.forSource(alias);
        String selected = null;
        if (route != null) {
            selected = route.select(output);
            if (selected != null && !plan.hasEdge(alias, selected)) {
                throw new NodeError(route.surfaceKind + " `" + route.surfaceId + "` selected target `" + selected
                        + "` but no such edge exists");
            }
        }
        boolean sent = false;
        for (EdgeIR e : plan.outgoing.get(alias)) {
            if (route != null && route.controlled.contains(e.to()) && !e.to().equals(selected)) continue;
            if (!deliver(e, output, permit)) return permit; // the run is shutting down
            permit = false;
            sent = true;
        }
        if (route != null && route.isSwitch() && selected == null && !sent) token.cancel("switch_no_target");
        return permit;
    }

    /** One edge send: spill-enabled edges never wait for space, they spill instead. */
    private boolean deliver(EdgeIR edge, JsonValue output, boolean permit) throws InterruptedException, NodeError {
        Inbox<Message> target = inboxes.get(edge.to());
        int lane = plan.lane(edge);
        SpillStore.Tier tier = spillTiers.get(plan.spillTierName(edge));
        if (tier == null) return target.send(lane, Message.of(output, permit));
        byte[] bytes = JsonWriter.toBytes(output);
        Long threshold = plan.spillThreshold(edge);
        if ((threshold == null || bytes.length < threshold) && target.trySend(lane, Message.of(output, permit))) {
            return true;
        }
        String key = RunIds.next() + ".json";
        try {
            tier.write(key, bytes);
        } catch (Exception e) {
            throw new NodeError("failed to spill payload `" + key + "`: " + e.getMessage());
        }
        return target.send(lane, Message.spilled(key, tier, permit));
    }

    private static JsonValue load(Message m) throws NodeError {
        try {
            return JsonParser.parse(m.spillTier.take(m.spillKey));
        } catch (Exception e) {
            throw new NodeError("failed to load spilled payload `" + m.spillKey + "` from blob storage: "
                    + e.getMessage());
        }
    }

    /** The capture sink's next item within the timeout (negative: no limit), or null. */
    CaptureItem nextCapture(long timeoutMillis) throws InterruptedException {
        return sink.receive(timeoutMillis);
    }

    boolean captureTimedOut() { return sink.timedOut(); }
}
