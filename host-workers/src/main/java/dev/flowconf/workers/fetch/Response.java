package dev.flowconf.workers.fetch;

import org.teavm.jso.JSClass;
import org.teavm.jso.JSObject;

/** The outgoing response; {@code body} is a Uint8Array, a {@link ReadableStream} or null (no body). */
@JSClass
public final class Response implements JSObject {
    public Response(JSObject body, ResponseInit init) {}

    public Response(String body, ResponseInit init) {}
}
