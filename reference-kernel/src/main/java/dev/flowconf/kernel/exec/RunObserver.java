package dev.flowconf.kernel.exec;

/**
 * Told when runs start and when they have really stopped (every node task ended and, for a
 * stream, its consumer let go). Hosts count runs with it so a probe can prove cancellation.
 */
public interface RunObserver {
    void runStarted();

    /** @param cancelledByClient the run ended because its client went away */
    void runEnded(boolean cancelledByClient);

    RunObserver NONE = new RunObserver() {
        @Override
        public void runStarted() {}

        @Override
        public void runEnded(boolean cancelledByClient) {}
    };
}
