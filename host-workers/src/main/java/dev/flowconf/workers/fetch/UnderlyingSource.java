package dev.flowconf.workers.fetch;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSObjects;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSUndefined;

/**
 * The {@code {pull, cancel}} dictionary behind a {@link ReadableStream}: pull whenever the queue wants a chunk (never
 * again before the returned promise settles), cancel when the reader gives up. No {@code start}: each callback into
 * Java is a function TeaVM wraps and workerd calls, and pull receives the controller anyway.
 */
public interface UnderlyingSource extends JSObject {
    @JSProperty
    void setPull(Pull pull);

    @JSProperty
    void setCancel(Cancel cancel);

    static UnderlyingSource create(Pull pull, Cancel cancel) {
        UnderlyingSource source = JSObjects.create();
        source.setPull(pull);
        source.setCancel(cancel);
        return source;
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
