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
     * The fields as one JS string, each name and value followed by a line feed, which neither can hold (the Fetch
     * standard forbids it in a value; a name is a token): one string crossing into Java instead of one per name and
     * value, which in TeaVM's Wasm GC build cost four import calls each. A Java callback per entry cost more still
     * (each crosses into Java). Java cuts the string up; the request keeps the array (no list, no copy).
     */
    private static Header[] fields(Headers jsHeaders) {
        String joined = joinedFields(jsHeaders);
        int lines = 0;
        for (int i = 0; i < joined.length(); i++) {
            if (joined.charAt(i) == '\n') lines++;
        }
        Header[] fields = new Header[lines / 2];
        int from = 0;
        for (int i = 0; i < fields.length; i++) {
            int nameEnd = joined.indexOf('\n', from);
            int valueEnd = joined.indexOf('\n', nameEnd + 1);
            fields[i] = new Header(joined.substring(from, nameEnd), joined.substring(nameEnd + 1, valueEnd));
            from = valueEnd + 1;
        }
        return fields;
    }

    @JSBody(params = "headers", script = "var s = ''; headers.forEach(function (v, k) { s += k + '\\n' + v + '\\n'; });"
            + " return s;")
    private static native String joinedFields(Headers headers);

    /** The byte[] as a Uint8Array (in the JavaScript build a view of its own storage); the Response copies it. */
    private static Uint8Array toUint8Array(byte[] bytes) {
        return JavaBytes.view(bytes);
    }
}
