package dev.flowconf.workers;

import dev.flowconf.kernel.http.FlowHttpHost;
import dev.flowconf.kernel.http.RequestBody;
import dev.flowconf.workers.fetch.ReadableStream;
import dev.flowconf.workers.fetch.ReadableStreamReader;
import dev.flowconf.workers.fetch.Request;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.Int8Array;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * Reads a request body through promise callbacks (no green thread), never holding more than
 * {@link FlowHttpHost#MAX_BODY_BYTES} (SPEC.md LIMIT-BODY-1): a declared length past the limit is not read at all,
 * a declared length within it is read whole ({@code arrayBuffer()}, one step, workerd holds the body to it), and a
 * chunked body, which declares none, is read chunk by chunk until it ends or passes the limit; {@code arrayBuffer()}
 * would hold all of it, however large, in an isolate limited to 128 MB.
 */
final class LimitedBodyRead {
    private final ReadableStreamReader reader;
    private final List<Uint8Array> chunks = new ArrayList<>();
    private int length;

    private LimitedBodyRead(ReadableStream body) {
        this.reader = body.getReader();
    }

    /**
     * What to do with the request's body: its bytes, or null when it passed the limit. Answers a Response or a promise
     * of one. Takes the request rather than holding it, so that one instance serves every request: a Java lambda
     * capturing the request, made per request, became a JS function per request as well (TeaVM caches a functor's
     * function on the Java object).
     */
    @JSFunctor
    interface Then extends JSObject {
        JSObject read(Request request, Int8Array body);
    }

    /** What to do when the platform could not read the body (the client left mid-body): its error as text. */
    @JSFunctor
    interface Failed extends JSObject {
        JSObject failed(Request request, String error);
    }

    /**
     * Reads the body, never more than the limit, then calls {@code then}, or {@code failed}: a promise of what they
     * answer. The usual case, a declared length within the limit, is one {@code arrayBuffer()} whose callback is JS:
     * Java lambdas given to JSPromise.then take their argument as a generic Object, which TeaVM wraps for each call.
     */
    static JSPromise<JSObject> read(Request request, Callbacks callbacks) {
        Then then = callbacks.then;
        Failed failed = callbacks.failed;
        String declared = FetchHeaderFields.get(request.getHeaders(), "content-length");
        if (RequestBody.exceedsLimit(declared)) return JSPromise.resolve(then.read(request, null));
        if (declared != null) return wholeThen(request, callbacks.thenFunction, callbacks.failedFunction);
        return new LimitedBodyRead(request.getBody()).next()
                .then(body -> then.read(request, body == null ? null : signed(body)),
                        error -> failed.failed(request, jsString(error)));
    }

    @JSBody(params = {"request", "then", "failed"}, script = "return request.arrayBuffer().then("
            + "function (buffer) { return then(request, new Int8Array(buffer)); },"
            + " function (error) { return failed(request, String(error)); });")
    private static native JSPromise<JSObject> wholeThen(Request request, JSObject then, JSObject failed);

    /**
     * The two callbacks with their JS functions, looked up once (FetchHandler keeps one): passed as functors, TeaVM
     * looks each one's function up on the Java object at every call, an import call each.
     */
    static final class Callbacks {
        final Then then;
        final Failed failed;
        final JSObject thenFunction;
        final JSObject failedFunction;

        Callbacks(Then then, Failed failed) {
            this.then = then;
            this.failed = failed;
            this.thenFunction = thenFunction(then);
            this.failedFunction = failedFunction(failed);
        }
    }

    @JSBody(params = "then", script = "return then;")
    private static native JSObject thenFunction(Then then);

    @JSBody(params = "failed", script = "return failed;")
    private static native JSObject failedFunction(Failed failed);

    @JSBody(params = "value", script = "return String(value);")
    private static native String jsString(Object value);

    /**
     * Bytes read by {@link #read}, as the kernel takes them (null: too large). In the JavaScript build this adopts the
     * Int8Array the body was read into: no copy, and no second view over the buffer ({@link JavaBytes}).
     */
    static RequestBody toRequestBody(Int8Array bytes) {
        return bytes == null ? RequestBody.tooLarge() : RequestBody.of(JavaBytes.of(bytes));
    }

    /** A chunked body's bytes as the signed view byte[] adopts (the stream reader hands out Uint8Arrays). */
    private static Int8Array signed(Uint8Array bytes) {
        return new Int8Array(bytes.getBuffer(), bytes.getByteOffset(), bytes.getLength());
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
