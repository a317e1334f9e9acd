package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.json.JsonValue;

/**
 * One request to run a flow: the payload for the trigger node, the node whose first output is the
 * result, an optional time budget for that first output, and metadata.
 */
public final class Invocation {
    private final String triggerAlias;
    private final String captureAlias;
    private final JsonValue payload;
    private final long deadlineMillis;
    /** Kept apart from deadlineMillis because TeaVM compares longs as BigInts, allocating for each comparison. */
    private final boolean hasDeadline;
    private final boolean zeroDeadline;
    private final InvocationMetadata metadata;
    private final CancellationToken client;

    private Invocation(String triggerAlias, String captureAlias, JsonValue payload, long deadlineMillis,
                       InvocationMetadata metadata, CancellationToken client) {
        this.triggerAlias = triggerAlias;
        this.captureAlias = captureAlias;
        this.payload = payload;
        this.deadlineMillis = deadlineMillis;
        this.hasDeadline = deadlineMillis != NO_DEADLINE;
        this.zeroDeadline = deadlineMillis == 0;
        this.metadata = metadata;
        this.client = client;
    }

    public static Invocation of(String triggerAlias, String captureAlias, JsonValue payload) {
        return new Invocation(triggerAlias, captureAlias, payload, NO_DEADLINE, new InvocationMetadata(), null);
    }

    /** All at once: one object where {@code of(...).withDeadlineMillis(...).withClient(...)} makes three. */
    public static Invocation of(String triggerAlias, String captureAlias, JsonValue payload, long deadlineMillis,
                                CancellationToken client) {
        return new Invocation(triggerAlias, captureAlias, payload, deadlineMillis, new InvocationMetadata(), client);
    }

    /** Marks "no deadline"; a deadline of 0 ms is a real (immediately expiring) budget. */
    public static final long NO_DEADLINE = -1;

    public Invocation withDeadlineMillis(long deadlineMillis) {
        return new Invocation(triggerAlias, captureAlias, payload, deadlineMillis, metadata, client);
    }

    /**
     * A token the host cancels when the client goes away: a value run still in progress is then
     * cancelled and answers Cancelled (upstream Workers' abort bridge).
     */
    public Invocation withClient(CancellationToken clientGone) {
        return new Invocation(triggerAlias, captureAlias, payload, deadlineMillis, metadata, clientGone);
    }

    /** Null when the host gave none. */
    public CancellationToken client() { return client; }

    public String triggerAlias() { return triggerAlias; }
    public String captureAlias() { return captureAlias; }
    public JsonValue payload() { return payload; }
    public boolean hasDeadline() { return hasDeadline; }
    /** A budget of 0 ms: the first output can never come in time. */
    public boolean hasZeroDeadline() { return zeroDeadline; }
    public long deadlineMillis() { return deadlineMillis; }
    public InvocationMetadata metadata() { return metadata; }
}
