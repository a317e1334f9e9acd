package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.json.JsonValue;
import java.util.concurrent.atomic.AtomicInteger;

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
    /**
     * {@link #DONE}, {@link #BUSY} (a consumer is inside next) and {@link #REPORTED}, changed by compare-and-set: three
     * synchronized blocks per item made three monitor objects per item under TeaVM.
     */
    private final AtomicInteger state = new AtomicInteger();
    private static final int DONE = 1;
    private static final int BUSY = 2;
    private static final int REPORTED = 4;

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
        while (true) {
            int s = state.get();
            if ((s & DONE) != 0) return null;
            if (state.compareAndSet(s, s | BUSY)) break;
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
            while (true) {
                int s = state.get();
                if (state.compareAndSet(s, s & ~BUSY)) break;
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
        while (true) {
            int s = state.get();
            if ((s & DONE) != 0) return;
            if (state.compareAndSet(s, s | DONE)) break;
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
        while (true) {
            int s = state.get();
            if ((s & DONE) == 0 || (s & (BUSY | REPORTED)) != 0) return;
            if (state.compareAndSet(s, s | REPORTED)) break;
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
