package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.json.JsonValue;

/**
 * A stream result (upstream StreamHandle): items in order, produced as the consumer asks. The run
 * stays alive until the stream ends, fails, or the consumer cancels it (a client that left).
 * Not bound by the invocation deadline.
 */
public final class ResultStream {
    private final StreamRun run;
    private final String captureAlias;
    private final StreamSource source;
    private final boolean nonBlocking;
    private final RunObserver observer;
    private final TaskRunner tasks;
    private boolean permit;
    private boolean done;
    private boolean busy;
    private boolean reported;

    ResultStream(StreamRun run, String captureAlias, StreamSource source, boolean nonBlocking, boolean permit,
                 RunObserver observer, TaskRunner tasks) {
        this.run = run;
        this.captureAlias = captureAlias;
        this.source = source;
        this.nonBlocking = nonBlocking;
        this.permit = permit;
        this.observer = observer;
        this.tasks = tasks;
    }

    /**
     * The next item, or null at the end (natural, or because the run was cancelled).
     *
     * @throws ExecutionError NodeFailed on the capture alias when the stream yields an error; the
     *     run is cancelled and the stream is over
     */
    public JsonValue next() throws ExecutionError {
        synchronized (this) {
            if (done) return null;
            busy = true;
        }
        try {
            if (run.token().isCancelled()) {
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
            if (item == null || run.token().isCancelled()) {
                finish("stream_completed");
                return null;
            }
            return item;
        } finally {
            synchronized (this) {
                busy = false;
            }
            reportIfOver();
        }
    }

    /**
     * Whether {@link #next()} returns without waiting: the capture node registered its stream as non-blocking.
     * A host whose threads are costly may then pull items outside of one.
     */
    public boolean nextWithoutWaiting() { return nonBlocking; }

    /** The consumer is gone: cancel the run now (upstream: dropping the StreamHandle). */
    public void cancel() {
        finish(STREAM_CANCELLED);
        reportIfOver();
    }

    static final String STREAM_CANCELLED = "stream_cancelled";

    /** The run's token, so a host can see the cancellation it caused. */
    public CancellationToken cancellation() { return run.token(); }

    private void finish(String reason) {
        synchronized (this) {
            if (done) return;
            done = true;
        }
        if (permit) {
            permit = false;
            run.releasePermit();
        }
        run.stop(reason);
    }

    /**
     * Once the stream is over and nobody is inside {@link #next()}, waits (off the caller's thread)
     * for the node tasks to end and reports the run as stopped; a run without tasks is reported at once.
     */
    private void reportIfOver() {
        synchronized (this) {
            if (!done || busy || reported) return;
            reported = true;
        }
        String reason = run.token().reason();
        boolean byClient = STREAM_CANCELLED.equals(reason) || FlowExecutor.CLIENT_GONE.equals(reason);
        if (!run.hasTasks()) {
            observer.runEnded(byClient);
            return;
        }
        tasks.run("flowconf-run-end", () -> {
            run.awaitTasks();
            observer.runEnded(byClient);
        });
    }
}
