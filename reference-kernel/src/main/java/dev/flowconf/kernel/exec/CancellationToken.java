package dev.flowconf.kernel.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * One cooperative cancellation flag per run. Nodes poll it or sleep on it; the runtime sets it and
 * wakes everything waiting on the run's queues. Plain monitors, because they work on the JVM and on
 * TeaVM's green threads alike.
 */
public final class CancellationToken {
    // Volatile, so that the frequent checks below read them without taking the lock: under TeaVM every synchronized
    // entry makes a monitor object, and a stream checks twice per item. Both are written only inside cancel's lock.
    private volatile boolean cancelled;
    private volatile String reason;
    /** Made by the first onCancel: a run that nobody listens to (an inline one) makes no list. */
    private List<Runnable> listeners;

    /** Cancels once; later calls keep the first reason. Listeners run on the cancelling thread. */
    public void cancel(String why) {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) return;
            reason = why; // first: whoever sees cancelled (a volatile read) then sees the reason too
            cancelled = true;
            toRun = listeners == null ? List.of() : new ArrayList<>(listeners);
            notifyAll();
        }
        for (Runnable r : toRun) r.run();
    }

    public boolean isCancelled() { return cancelled; }

    /** Why the run was cancelled (upstream's reasons: deadline, node_error, stream_cancelled, ...), or null. */
    public String reason() { return reason; }

    /** Runs the listener on cancellation (at once if already cancelled). */
    public void onCancel(Runnable listener) {
        synchronized (this) {
            if (!cancelled) {
                if (listeners == null) listeners = new ArrayList<>();
                listeners.add(listener);
                return;
            }
        }
        listener.run();
    }

    /**
     * Sleeps up to the given time, waking early on cancellation.
     *
     * @return false when the run was cancelled
     */
    public synchronized boolean sleep(long millis) {
        long end = System.currentTimeMillis() + millis;
        while (!cancelled) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) return true;
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !cancelled;
            }
        }
        return false;
    }
}
