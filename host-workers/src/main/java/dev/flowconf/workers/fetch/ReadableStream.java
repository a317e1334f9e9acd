package dev.flowconf.workers.fetch;

import org.teavm.jso.JSClass;
import org.teavm.jso.JSObject;

/**
 * A stream the Worker produces, e.g. a Response body. Owned because jso-apis binds only the reading side of
 * {@code ReadableStream} (private constructor, no underlying source).
 */
@JSClass
public final class ReadableStream implements JSObject {
    public ReadableStream(UnderlyingSource source) {}
}
