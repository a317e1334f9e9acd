package dev.flowconf.workers.fetch;

import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Uint8Array;

/** The ReadableStreamDefaultController handed to {@link UnderlyingSource.Pull}. */
public interface ReadableStreamController extends JSObject {
    void enqueue(Uint8Array chunk);

    void close();
}
