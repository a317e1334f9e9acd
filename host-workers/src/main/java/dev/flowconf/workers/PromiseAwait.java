package dev.flowconf.workers;

import java.io.IOException;
import org.teavm.interop.Async;
import org.teavm.interop.AsyncCallback;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;

/**
 * Waits on a JS promise from a TeaVM green thread (a kernel node task), as blocking Java code expects: the thread
 * is suspended and resumed when the promise settles. Only on a green thread: a JS callback cannot wait.
 */
final class PromiseAwait {
    private PromiseAwait() {}

    /** The promise's value; its rejection as an IOException with the error's text. */
    @Async
    static native JSObject value(JSPromise<JSObject> promise) throws IOException;

    private static void value(JSPromise<JSObject> promise, AsyncCallback<JSObject> callback) {
        settle(promise, callback::complete, error -> callback.error(new IOException(error)));
    }

    @JSFunctor
    interface Resolved extends JSObject {
        void value(JSObject value);
    }

    @JSFunctor
    interface Rejected extends JSObject {
        void error(String error);
    }

    @JSBody(params = {"promise", "resolved", "rejected"},
            script = "promise.then(function (v) { resolved(v === undefined ? null : v); },"
                    + " function (e) { rejected(String(e && e.stack || e)); });")
    private static native void settle(JSPromise<JSObject> promise, Resolved resolved, Rejected rejected);
}
