package dev.flowconf.kernel.exec;

/** One cooperative cancellation flag per run; nodes poll it, the runtime sets it. */
public final class CancellationToken {
    private volatile boolean cancelled;
    private volatile String reason;

    public void cancel(String reason) {
        if (!cancelled) {
            this.reason = reason;
            this.cancelled = true;
        }
    }

    public boolean isCancelled() { return cancelled; }

    /** Why the run was cancelled (upstream's metric reasons: deadline, node_error, ...), or null. */
    public String reason() { return reason; }
}
