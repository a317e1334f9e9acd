package dev.flowconf.kernel.exec;

/** Milliseconds and sleeping, replaceable so deadline tests need no wall-clock waits. */
public interface Clock {
    long nowMillis();

    void sleepMillis(long millis) throws InterruptedException;

    Clock SYSTEM = new Clock() {
        @Override
        public long nowMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public void sleepMillis(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    };
}
