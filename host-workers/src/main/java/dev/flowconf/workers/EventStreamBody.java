package dev.flowconf.workers;

import dev.flowconf.kernel.http.EventStream;
import dev.flowconf.workers.fetch.Console;
import dev.flowconf.workers.fetch.ReadableStream;
import dev.flowconf.workers.fetch.ReadableStreamController;
import dev.flowconf.workers.fetch.UnderlyingSource;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSUndefined;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * An SSE response body: a ReadableStream that pulls the kernel's frames one at a time, as the client reads
 * (backpressure), writes keep-alives in the silences, and cancels the run when workerd cancels the stream
 * because a write to the client failed (CANCEL-1). Each stream is one request's; nothing here is shared.
 */
final class EventStreamBody {
    private final EventStream events;
    private ReadableStreamController controller;
    private KeepAliveTimer keepAlive;
    private boolean over;

    private EventStreamBody(EventStream events) {
        this.events = events;
    }

    static ReadableStream of(EventStream events) {
        EventStreamBody body = new EventStreamBody(events);
        return new ReadableStream(UnderlyingSource.create(body::start, body::pull, body::cancel));
    }

    private void start(ReadableStreamController controller) {
        this.controller = controller;
    }

    /**
     * Starts the keep-alive clock if it is not running: only for a stream that can fall silent, a pull that may wait
     * or a stream still open after a chunk. A timer costs workerd about 65 µs of CPU (setTimeout and clearTimeout), as
     * much again as the rest of a short stream's request, and a stream sent whole in its first pull never needs one.
     */
    private void keepAliveFromNow() {
        if (keepAlive == null && !over) {
            keepAlive = new KeepAliveTimer(events.keepAliveMillis(), () -> enqueue(EventStream.KEEP_ALIVE_TEXT));
        }
    }

    private void wrote() {
        if (keepAlive != null) keepAlive.wrote();
    }

    /**
     * The next frame may have to be waited for, so it is read on a TeaVM green thread, unless the stream says it never
     * waits: then in this callback, sparing a thread (started through a timer) per frame. The promise tells the stream
     * it may pull again.
     */
    private JSPromise<JSUndefined> pull(ReadableStreamController controller) {
        if (events.nextFrameWithoutWaiting()) {
            pullAvailable(controller);
            return null; // not a resolved promise: the stream then has none to wait for before it may pull again
        }
        keepAliveFromNow();
        return RequestThreads.run(() -> pullFrame(controller));
    }

    /**
     * One frame, on a green thread. Not {@link #pullAvailable} with a limit of one: run on a green thread, that method
     * made TeaVM 0.16's compiler fail (a ClassCastException in its JSO injector, on the async form of the method).
     */
    private void pullFrame(ReadableStreamController controller) {
        StringBuilder frame = new StringBuilder(64);
        boolean ended = !appendNextFrame(frame);
        if (over) {
            return; // cancelled while the frame was on its way
        }
        if (ended) {
            close(controller);
        } else {
            enqueue(frame.toString());
            wrote();
        }
    }

    /**
     * A stream that never waits has its next frames at hand: up to {@value #FRAMES_PER_CHUNK} of them go out as one
     * chunk, because each chunk costs the platform far more than its bytes (a typed array, the stream's queue, a write
     * to the socket). Still one pull per chunk, so a client that reads slowly still holds the run back; each frame
     * stays a whole event, and the chunk ends with the last frame the stream had (its end or error included).
     */
    private void pullAvailable(ReadableStreamController controller) {
        StringBuilder chunk = new StringBuilder(64 * 4);
        boolean ended = false;
        for (int i = 0; i < FRAMES_PER_CHUNK; i++) {
            if (!appendNextFrame(chunk)) {
                ended = true;
                break;
            }
            if (!events.nextFrameWithoutWaiting()) {
                break;
            }
        }
        if (over) {
            return; // cancelled while the frames were on their way
        }
        if (chunk.length() > 0) {
            enqueue(chunk.toString());
            wrote();
        }
        if (ended) {
            close(controller);
        } else {
            keepAliveFromNow(); // a reader that stops reading leaves the stream silent
        }
    }

    private static final int FRAMES_PER_CHUNK = 32;

    /** Appends the next frame to {@code out}; false at the end, or when the stream failed (logged, run cancelled). */
    private boolean appendNextFrame(StringBuilder out) {
        try {
            return events.appendNextFrame(out);
        } catch (RuntimeException | Error failure) {
            Console.error("flowconf: event stream failed: " + StackTraces.render(failure));
            events.cancel();
            return false;
        }
    }

    private void close(ReadableStreamController controller) {
        end();
        controller.close();
    }

    /** The run's cancellation takes monitors, so it runs on a green thread too, not in the JS callback. */
    private JSPromise<JSUndefined> cancel(JSObject reason) {
        end();
        return RequestThreads.run(events::cancel);
    }

    private void end() {
        over = true;
        if (keepAlive != null) keepAlive.stop();
    }

    /**
     * The frame's UTF-8 bytes, encoded by the platform: bytes made in Java are a typed array, made and then copied for
     * the stream (which may keep or transfer the chunk's buffer), per frame. TextEncoder writes a lone surrogate as
     * U+FFFD, as the kernel's own encoder does.
     */
    private void enqueue(String frame) {
        controller.enqueue(encode(UTF8, frame));
    }

    private static final JSObject UTF8 = textEncoder();

    @JSBody(script = "return new TextEncoder();")
    private static native JSObject textEncoder();

    @JSBody(params = {"encoder", "text"}, script = "return encoder.encode(text);")
    private static native Uint8Array encode(JSObject encoder, String text);
}
