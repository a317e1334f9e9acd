package dev.flowconf.workers;

import dev.flowconf.kernel.http.FlowHttpHost;
import dev.flowconf.kernel.http.RequestBody;
import dev.flowconf.workers.fetch.ReadableStream;
import dev.flowconf.workers.fetch.ReadableStreamReader;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.Int8Array;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * Reads a request body chunk by chunk through promise callbacks (no green thread) and stops as soon as it passes
 * {@link FlowHttpHost#MAX_BODY_BYTES} (SPEC.md LIMIT-BODY-1): a chunked body has no length to check up front, and
 * {@code arrayBuffer()} would hold all of it, however large, in an isolate limited to 128 MB.
 */
final class LimitedBodyRead {
    private final ReadableStreamReader reader;
    private final List<Uint8Array> chunks = new ArrayList<>();
    private int length;

    private LimitedBodyRead(ReadableStream body) {
        this.reader = body.getReader();
    }

    /** The body's bytes as one Uint8Array, or null once it passed the limit (the rest is not read). */
    static JSPromise<Uint8Array> of(ReadableStream body) {
        return new LimitedBodyRead(body).next();
    }

    /** Bytes read by {@link #of}, as the kernel takes them (null: too large). */
    static RequestBody toRequestBody(Uint8Array bytes) {
        if (bytes == null) return RequestBody.tooLarge();
        // TeaVM backs byte[] with an Int8Array, so this adopts the buffer without a per-byte copy.
        return RequestBody.of(new Int8Array(bytes.getBuffer(), bytes.getByteOffset(), bytes.getLength()).toJavaArray());
    }

    private JSPromise<Uint8Array> next() {
        return reader.read().flatThen(chunk -> {
            if (chunk.isDone()) return JSPromise.resolve(joined());
            Uint8Array bytes = chunk.getValue();
            length += bytes.getLength();
            if (length > FlowHttpHost.MAX_BODY_BYTES) {
                reader.cancel();
                return JSPromise.resolve(null);
            }
            chunks.add(bytes);
            return next();
        });
    }

    private Uint8Array joined() {
        if (chunks.size() == 1) return chunks.get(0);
        Uint8Array all = new Uint8Array(length);
        int offset = 0;
        for (Uint8Array chunk : chunks) {
            copy(all, chunk, offset);
            offset += chunk.getLength();
        }
        return all;
    }

    @JSBody(params = {"target", "source", "offset"}, script = "target.set(source, offset);")
    private static native void copy(Uint8Array target, Uint8Array source, int offset);
}
