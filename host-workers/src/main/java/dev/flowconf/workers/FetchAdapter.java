package dev.flowconf.workers;

import dev.flowconf.kernel.http.Header;
import dev.flowconf.kernel.http.HttpRequest;
import dev.flowconf.kernel.http.HttpResponse;
import dev.flowconf.kernel.http.RequestBody;
import dev.flowconf.workers.fetch.Headers;
import dev.flowconf.workers.fetch.Request;
import dev.flowconf.workers.fetch.Response;
import dev.flowconf.workers.fetch.ResponseInit;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSObjects;
import org.teavm.jso.typedarrays.Uint8Array;

/** Turns a JS Request into the kernel's HttpRequest and an HttpResponse back into a JS Response. */
final class FetchAdapter {

    private FetchAdapter() {}

    /** The request with its body, already read (LimitedBodyRead); the client token is added when needed. */
    static HttpRequest toHttpRequest(Request request, RequestBody body) {
        String href = request.getUrl();
        return new HttpRequest(
                request.getMethod(),
                RequestTarget.path(href),
                RequestTarget.rawQuery(href),
                fields(request.getHeaders()),
                body,
                null);
    }

    static Response toResponse(HttpResponse response, String requestMethod) {
        ResponseInit init = ResponseInit.create(response.status(), headerRecord(response.headers()));
        if (response.eventStream() != null) {
            return new Response(EventStreamBody.of(response.eventStream()), init);
        }
        boolean sendsBody = response.sendsBodyTo(requestMethod);
        if (sendsBody && response.text() != null) {
            return new Response(response.text(), init); // the platform encodes it: no UTF-8 pass in Java
        }
        byte[] body = response.body();
        return new Response(sendsBody && body != null ? toUint8Array(body) : null, init);
    }

    /**
     * The headers as the plain {@code {name: value}} record the Response constructor also takes: cheaper
     * to make than a Headers object. The kernel never answers one name twice; if it did, a Headers keeps both.
     */
    private static JSObject headerRecord(List<Header> headers) {
        JSObject record = JSObjects.create();
        for (int i = 0; i < headers.size(); i++) { // indexed: an iterator is an allocation under TeaVM
            Header header = headers.get(i);
            if (hasOwn(record, header.name())) return headerList(headers);
            setProperty(record, header.name(), header.value());
        }
        return record;
    }

    private static Headers headerList(List<Header> headers) {
        Headers list = new Headers();
        for (Header header : headers) {
            list.append(header.name(), header.value());
        }
        return list;
    }

    @JSBody(params = {"record", "name"}, script = "return Object.prototype.hasOwnProperty.call(record, name);")
    private static native boolean hasOwn(JSObject record, String name);

    @JSBody(params = {"record", "name", "value"}, script = "record[name] = value;")
    private static native void setProperty(JSObject record, String name, String value);

    /** The Fetch standard forbids a body with these statuses (the Response constructor throws). */

    /**
     * One JS array from JS, name and value in turn: a Java callback per entry cost more (each crosses into Java), and
     * one joined string cost a flattening, a search and a slice per name and value. Each entry is taken as a Java
     * string straight away: read as a JSString first, TeaVM's Wasm GC build wraps each one in a Java object it tracks
     * with a WeakRef and a FinalizationRegistry entry. Joined into one string instead (each name and value ended by a
     * line feed, cut up in Java), 25 fewer calls crossed, but V8 counted more JS heap a request: 0.35 kB in the
     * JavaScript build (ci/budget, exact), about 0.6 kB in the Wasm one (ci/bench section 9, runs apart).
     */
    private static Header[] fields(Headers jsHeaders) {
        JSObject entries = entries(jsHeaders);
        Header[] fields = new Header[length(entries) / 2]; // the request keeps it: no list, no copy
        for (int i = 0; i < fields.length; i++) {
            fields[i] = new Header(entry(entries, 2 * i), entry(entries, 2 * i + 1));
        }
        return fields;
    }

    @JSBody(params = "headers", script = "var a = []; headers.forEach(function (v, k) { a.push(k, v); }); return a;")
    private static native JSObject entries(Headers headers);

    @JSBody(params = "entries", script = "return entries.length;")
    private static native int length(JSObject entries);

    @JSBody(params = {"entries", "i"}, script = "return entries[i];")
    private static native String entry(JSObject entries, int i);

    /** The byte[] as a Uint8Array (in the JavaScript build a view of its own storage); the Response copies it. */
    private static Uint8Array toUint8Array(byte[] bytes) {
        return JavaBytes.view(bytes);
    }
}
