package dev.flowconf.workers.fetch;

import org.teavm.jso.JSClass;
import org.teavm.jso.JSModule;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSTopLevel;
import org.teavm.jso.core.JSPromise;

/** Functions of workerd's built-in module {@code cloudflare:workers}. */
@JSClass
public final class Workers implements JSObject {
    private Workers() {}

    /**
     * {@code ctx.waitUntil} of the request whose event is running: workerd keeps that request alive until the
     * promise settles, even after its response ended or its client left.
     */
    @JSTopLevel
    @JSModule("cloudflare:workers")
    public static native void waitUntil(JSPromise<?> promise);
}
