package dev.flowconf.workers.fetch;

import org.teavm.jso.JSClass;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.ArrayBuffer;

/** The incoming request workerd hands to {@code fetch}; the host never constructs one. */
@JSClass
public final class Request implements JSObject {
    private Request() {}

    @JSProperty
    public native String getMethod();

    /** The serialized URL (href), e.g. {@code http://127.0.0.1:8787/echo?x=1}. */
    @JSProperty
    public native String getUrl();

    @JSProperty
    public native Headers getHeaders();

    /** null when the request carries no body (GET, HEAD, or no content). */
    @JSProperty
    public native ReadableStream getBody();

    /** Aborted when the client disconnects (enable_request_signal). */
    @JSProperty
    public native AbortSignal getSignal();

    public native JSPromise<ArrayBuffer> arrayBuffer();
}
