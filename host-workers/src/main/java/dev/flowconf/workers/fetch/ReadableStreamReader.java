package dev.flowconf.workers.fetch;

import org.teavm.jso.JSClass;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSUndefined;
import org.teavm.jso.typedarrays.Uint8Array;

/** {@code ReadableStreamDefaultReader} of a request body: chunk after chunk, as the client sends them. */
@JSClass(name = "ReadableStreamDefaultReader")
public final class ReadableStreamReader implements JSObject {
    private ReadableStreamReader() {}

    public native JSPromise<Chunk> read();

    /** Stops reading: the rest of the body is discarded, never buffered. */
    public native JSPromise<JSUndefined> cancel();

    /** One {@code read()} result. */
    public interface Chunk extends JSObject {
        @JSProperty
        boolean isDone();

        @JSProperty
        Uint8Array getValue();
    }
}
