package dev.flowconf.workers.fetch;

import org.teavm.jso.JSClass;
import org.teavm.jso.JSObject;

/**
 * A stream the Worker produces (a Response body) or reads (a request body). Owned because jso-apis binds only
 * the reading side of {@code ReadableStream} (private constructor, no underlying source).
 */
@JSClass
public final class ReadableStream implements JSObject {
    public ReadableStream(UnderlyingSource source) {}

    public native ReadableStreamReader getReader();
}
