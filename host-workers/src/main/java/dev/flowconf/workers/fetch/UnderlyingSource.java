package dev.flowconf.workers.fetch;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSObjects;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSUndefined;

/**
 * The {@code {start, pull, cancel}} dictionary behind a {@link ReadableStream}: start runs in the constructor,
 * pull whenever the queue wants a chunk (never again before the returned promise settles), cancel when the
 * reader gives up.
 */
public interface UnderlyingSource extends JSObject {
    @JSProperty
    void setStart(Start start);

    @JSProperty
    void setPull(Pull pull);

    @JSProperty
    void setCancel(Cancel cancel);

    static UnderlyingSource create(Start start, Pull pull, Cancel cancel) {
        UnderlyingSource source = JSObjects.create();
        source.setStart(start);
        source.setPull(pull);
        source.setCancel(cancel);
        return source;
    }

    @JSFunctor
    interface Start extends JSObject {
        void start(ReadableStreamController controller);
    }

    /** Answers a promise when the next chunk comes later, or null (nothing to wait for) when it has been enqueued. */
    @JSFunctor
    interface Pull extends JSObject {
        JSPromise<JSUndefined> pull(ReadableStreamController controller);
    }

    /** For a Response body, workerd calls it when a write to the client fails (the client left). */
    @JSFunctor
    interface Cancel extends JSObject {
        JSPromise<JSUndefined> cancel(JSObject reason);
    }
}
