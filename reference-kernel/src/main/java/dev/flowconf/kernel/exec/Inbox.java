package dev.flowconf.kernel.exec;

import java.util.ArrayDeque;

/**
 * A node's inputs: one bounded FIFO lane per inbound edge (plus the trigger lane of a root node),
 * merged for the receiver. A full lane makes its sender wait (backpressure); a lane closes when its
 * last sender is done; the receiver sees the end once every lane is closed and drained.
 * One monitor per inbox, owned by one run, so no lock is ever shared between requests.
 */
final class Inbox<T> {
    private final ArrayDeque<T>[] lanes;
    private final int[] capacity;
    private final int[] senders;
    private int openLanes;
    private int nextLane;
    private boolean aborted;
    private boolean timedOut;

    @SuppressWarnings("unchecked")
    Inbox(int[] laneCapacity, int[] laneSenders) {
        lanes = new ArrayDeque[laneCapacity.length];
        for (int i = 0; i < lanes.length; i++) lanes[i] = new ArrayDeque<>();
        capacity = laneCapacity.clone();
        senders = laneSenders.clone();
        for (int s : senders) if (s > 0) openLanes++;
    }

    static <T> Inbox<T> single(int capacity, int senders) {
        return new Inbox<>(new int[] {capacity}, new int[] {senders});
    }

    /** Waits for room; false when the lane closed or the inbox was aborted first. */
    synchronized boolean send(int lane, T item) throws InterruptedException {
        while (!aborted && senders[lane] > 0 && lanes[lane].size() >= capacity[lane]) wait();
        if (aborted || senders[lane] == 0) return false;
        lanes[lane].add(item);
        notifyAll();
        return true;
    }

    /** Adds only if there is room now. */
    synchronized boolean trySend(int lane, T item) {
        if (aborted || senders[lane] == 0 || lanes[lane].size() >= capacity[lane]) return false;
        lanes[lane].add(item);
        notifyAll();
        return true;
    }

    /** The next item from any lane (round robin), or null once all lanes are closed and empty, or on abort. */
    synchronized T receive() throws InterruptedException {
        return receive(-1);
    }

    /**
     * Like {@link #receive()}, giving up after the timeout; {@link #timedOut()} then tells a
     * timeout from the end of input.
     *
     * @param timeoutMillis negative waits without limit
     */
    synchronized T receive(long timeoutMillis) throws InterruptedException {
        long end = timeoutMillis < 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeoutMillis;
        timedOut = false;
        while (true) {
            if (aborted) return null;
            for (int i = 0; i < lanes.length; i++) {
                int lane = (nextLane + i) % lanes.length;
                T item = lanes[lane].poll();
                if (item != null) {
                    nextLane = (lane + 1) % lanes.length;
                    notifyAll();
                    return item;
                }
            }
            if (openLanes == 0) return null;
            if (timeoutMillis < 0) {
                wait();
            } else {
                long left = end - System.currentTimeMillis();
                if (left <= 0) {
                    timedOut = true;
                    return null;
                }
                wait(left);
            }
        }
    }

    /** Whether the last timed receive returned null because time ran out. */
    synchronized boolean timedOut() { return timedOut; }

    /** One sender of the lane is done; the lane closes when none is left. */
    synchronized void senderDone(int lane) {
        if (senders[lane] > 0 && --senders[lane] == 0) {
            openLanes--;
            notifyAll();
        }
    }

    /** Stops everything: waiting senders fail, the receiver sees the end. */
    synchronized void abort() {
        aborted = true;
        notifyAll();
    }

    /** Items waiting in the lane (for probes and tests). */
    synchronized int depth(int lane) { return lanes[lane].size(); }
}
