package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.json.JsonValue;

/**
 * A stream result (upstream StreamHandle): items in order, produced as the consumer asks. The run
 * stays alive until the stream ends, fails, or the consumer cancels it (a client that left).
 * Not bound by the invocation deadline.
 */
public final class ResultStream {
    private final FlowInstance instance;
    private final String captureAlias;
    private final StreamSource source;
    private boolean permit;
    private boolean done;

    ResultStream(FlowInstance instance, String captureAlias, StreamSource source, boolean permit) {
        this.instance = instance;
        this.captureAlias = captureAlias;
        this.source = source;
        this.permit = permit;
    }

    /**
     * The next item, or null at the end (natural, or because the run was cancelled).
     *
     * @throws ExecutionError NodeFailed on the capture alias when the stream yields an error; the
     *     run is cancelled and the stream is over
     */
    public JsonValue next() throws ExecutionError {
        if (done) return null;
        if (instance.token.isCancelled()) {
            finish("cancelled");
            return null;
        }
        JsonValue item;
        try {
            item = source.next();
        } catch (NodeError e) {
            finish("node_error");
            throw ExecutionError.nodeFailed(captureAlias, e.getMessage());
        }
        if (item == null || instance.token.isCancelled()) {
            finish("stream_completed");
            return null;
        }
        return item;
    }

    /** The consumer is gone: cancel the run now (upstream: dropping the StreamHandle). */
    public void cancel() {
        finish("stream_cancelled");
    }

    /** The run's token, so a host can see the cancellation it caused. */
    public CancellationToken cancellation() { return instance.token; }

    private void finish(String reason) {
        if (done) return;
        done = true;
        if (permit) {
            permit = false;
            instance.permits.release();
        }
        // Tasks end on their own once stopped; nobody waits on a stream's shutdown.
        instance.stop(reason);
    }
}
