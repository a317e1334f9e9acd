package dev.flowconf.reference;

import dev.flowconf.kernel.http.EventStream;
import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes one event stream to one Jetty response: every frame as soon as the flow yields it, and
 * {@link EventStream#KEEP_ALIVE} whenever nothing was written for the stream's keep-alive interval
 * (SSE-KEEPALIVE-1). Jetty allows one pending write per response, so frames and keep-alives take
 * turns. A failed write means the client is gone: the run is cancelled at once.
 */
final class EventStreamWriter {
    private final Response response;
    private final EventStream events;
    private final ScheduledExecutorService timer;
    private final long keepAliveNanos;
    private final Callback written = Callback.from(() -> written(null), this::written);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private boolean writing;
    private long lastWriteNanos;
    private Throwable failure;
    private boolean ended;
    private ScheduledFuture<?> tick;

    /** @param timer shared by every stream of the host; keep-alive checks run on it, never block */
    EventStreamWriter(Response response, EventStream events, ScheduledExecutorService timer) {
        this.response = response;
        this.events = events;
        this.timer = timer;
        this.keepAliveNanos = TimeUnit.MILLISECONDS.toNanos(events.keepAliveMillis());
    }

    /**
     * Sends the status and headers (the response's, set before), then every frame, blocking until
     * the stream ends or a write fails. Leaves the body open: {@link #end} finishes it.
     */
    void pump() {
        if (write(null)) {
            lock.lock();
            try {
                tick = timer.schedule(this::tick, keepAliveNanos, TimeUnit.NANOSECONDS);
            } finally {
                lock.unlock();
            }
            byte[] frame;
            while ((frame = events.nextFrame()) != null && write(ByteBuffer.wrap(frame))) {
                // each frame is on the wire before the next is pulled
            }
        }
        lock.lock();
        try {
            ended = true;
            if (tick != null) tick.cancel(false);
            while (writing) idle.awaitUninterruptibly(); // a keep-alive still on the wire
        } finally {
            lock.unlock();
        }
    }

    /**
     * Completes the exchange after {@link #pump}: the body's end, or the failure when a write
     * failed or the client is known to be gone (nobody would read the end).
     */
    void end(Callback done, boolean clientGone) {
        Throwable x;
        lock.lock();
        try {
            x = failure;
        } finally {
            lock.unlock();
        }
        if (x == null && clientGone) x = new EofException("client gone");
        if (x != null) done.failed(x);
        else response.write(true, null, done);
    }

    /** Writes and waits for the write to complete; false once any write failed. */
    private boolean write(ByteBuffer bytes) {
        lock.lock();
        try {
            while (writing) idle.awaitUninterruptibly(); // Jetty completes every write, so this ends
            if (failure != null) return false;
            writing = true;
            lastWriteNanos = System.nanoTime();
        } finally {
            lock.unlock();
        }
        response.write(false, bytes, written);
        lock.lock();
        try {
            while (writing) idle.awaitUninterruptibly();
            return failure == null;
        } finally {
            lock.unlock();
        }
    }

    /** On the timer: a keep-alive if the stream was silent long enough, else a later check. */
    private void tick() {
        lock.lock();
        try {
            if (ended || failure != null) return;
            long silent = System.nanoTime() - lastWriteNanos;
            if (writing || silent < keepAliveNanos) {
                long wait = writing ? keepAliveNanos : keepAliveNanos - silent;
                tick = timer.schedule(this::tick, wait, TimeUnit.NANOSECONDS);
                return;
            }
            writing = true;
            lastWriteNanos = System.nanoTime();
            tick = timer.schedule(this::tick, keepAliveNanos, TimeUnit.NANOSECONDS);
        } finally {
            lock.unlock();
        }
        response.write(false, ByteBuffer.wrap(EventStream.KEEP_ALIVE), written);
    }

    private void written(Throwable x) {
        lock.lock();
        try {
            writing = false;
            if (x != null && failure == null) failure = x;
            idle.signalAll();
        } finally {
            lock.unlock();
        }
        if (x != null) events.cancel();
    }
}
