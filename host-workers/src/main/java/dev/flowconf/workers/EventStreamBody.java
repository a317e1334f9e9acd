package dev.flowconf.workers;

import dev.flowconf.kernel.http.EventStream;
import dev.flowconf.workers.fetch.Console;
import dev.flowconf.workers.fetch.ReadableStream;
import dev.flowconf.workers.fetch.ReadableStreamController;
import dev.flowconf.workers.fetch.UnderlyingSource;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSUndefined;
import org.teavm.jso.typedarrays.Int8Array;
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
        keepAlive = new KeepAliveTimer(events.keepAliveMillis(), () -> enqueue(EventStream.KEEP_ALIVE));
    }

    /**
     * nextFrame() may block, so it runs on a TeaVM green thread, unless the stream says it never waits: then in
     * this callback, sparing a thread (started through a timer) per frame. The promise tells the stream it may
     * pull again.
     */
    private JSPromise<JSUndefined> pull(ReadableStreamController controller) {
        if (events.nextFrameWithoutWaiting()) {
            pullFrame(controller);
            return JSPromise.resolve(JSUndefined.instance());
        }
        return RequestThreads.run(() -> pullFrame(controller));
    }

    private void pullFrame(ReadableStreamController controller) {
        byte[] frame;
        try {
            frame = events.nextFrame();
        } catch (RuntimeException | Error failure) {
            Console.error("flowconf: event stream failed: " + StackTraces.render(failure));
            events.cancel();
            frame = null;
        }
        if (over) {
            return; // cancelled while the frame was on its way
        }
        if (frame == null) {
            end();
            controller.close();
        } else {
            enqueue(frame);
            keepAlive.wrote();
        }
    }

    /** The run's cancellation takes monitors, so it runs on a green thread too, not in the JS callback. */
    private JSPromise<JSUndefined> cancel(JSObject reason) {
        end();
        return RequestThreads.run(events::cancel);
    }

    private void end() {
        over = true;
        keepAlive.stop();
    }

    /** A copy, unsigned: TeaVM's byte[] is an Int8Array, and the stream may keep or transfer the chunk's buffer. */
    private void enqueue(byte[] frame) {
        controller.enqueue(new Uint8Array(Int8Array.fromJavaArray(frame)));
    }
}
