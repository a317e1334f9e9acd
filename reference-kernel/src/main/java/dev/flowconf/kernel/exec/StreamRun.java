package dev.flowconf.kernel.exec;

/**
 * What a {@link ResultStream} needs of the run behind it: a run with a task per node ({@link FlowInstance}), or
 * a straight line that opened its stream on the invoking thread and has no task to wait for ({@link Inline}).
 */
interface StreamRun {
    /** Cancelled when the run stops; the stream's source may watch it. */
    CancellationToken token();

    /** Cancels the run (the first reason stays) and lets its tasks go. */
    void stop(String reason);

    /** The in-flight permit the stream's capture held. */
    void releasePermit();

    /** Whether the run has node tasks to wait for before it may be reported as ended. */
    boolean hasTasks();

    /** Waits until every node task has ended (after a stop). */
    void awaitTasks();

    /** A run with no tasks and no permits: only its token. */
    final class Inline implements StreamRun {
        private final CancellationToken token;

        /** @param token the token the run's nodes were given */
        Inline(CancellationToken token) {
            this.token = token;
        }

        @Override public CancellationToken token() { return token; }
        @Override public void stop(String reason) { token.cancel(reason); }
        @Override public void releasePermit() {}
        @Override public boolean hasTasks() { return false; }
        @Override public void awaitTasks() {}
    }
}
