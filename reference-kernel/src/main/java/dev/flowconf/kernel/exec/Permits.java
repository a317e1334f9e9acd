package dev.flowconf.kernel.exec;

/**
 * In-flight payloads per instance (upstream: capture capacity permits). A send takes one; it
 * travels with the payload's first downstream send and comes back when the capture's output is
 * taken or a node finishes without forwarding it.
 */
final class Permits {
    private int available;
    private boolean aborted;

    Permits(int count) {
        available = count;
    }

    /** Waits for a permit; false when the instance shut down first. */
    synchronized boolean acquire() throws InterruptedException {
        while (!aborted && available == 0) wait();
        if (aborted) return false;
        available--;
        return true;
    }

    synchronized void release() {
        available++;
        notifyAll();
    }

    synchronized void abort() {
        aborted = true;
        notifyAll();
    }

    synchronized int available() { return available; }
}
