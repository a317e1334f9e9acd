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
        int known = knownMethod(request);
        return new HttpRequest(
                known >= 0 ? KNOWN_METHODS[known] : request.getMethod(),
                RequestTarget.path(href),
                RequestTarget.rawQuery(href),
                new FetchHeaderFields(request.getHeaders()),
                body,
                null);
    }

    /**
     * {@code new Response(text, init)} at a site of its own: through TeaVM's constructor call, one helper makes every
     * JavaScript object the module constructs, and V8 cannot specialise it for any one of them.
     */
    @JSBody(params = {"text", "init"}, script = "return new Response(text, init);")
    private static native Response textResponse(String text, ResponseInit init);

    /** What {@link #knownMethod} answers, by index: Java constants, where a method read as text makes a string. */
    private static final String[] KNOWN_METHODS = {"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"};

    @JSBody(params = "request", script = "switch (request.method) { case 'GET': return 0; case 'POST': return 1;"
            + " case 'HEAD': return 2; case 'PUT': return 3; case 'DELETE': return 4; case 'OPTIONS': return 5;"
            + " case 'PATCH': return 6; default: return -1; }")
    private static native int knownMethod(Request request);

    static Response toResponse(HttpResponse response, String requestMethod) {
        ResponseInit init = init(response.status(), response.headers());
        if (response.eventStream() != null) {
            return new Response(EventStreamBody.of(response.eventStream()), init);
        }
        boolean sendsBody = response.sendsBodyTo(requestMethod);
        if (sendsBody && response.text() != null) {
            return textResponse(response.text(), init); // the platform encodes it: no UTF-8 pass in Java
        }
        byte[] body = response.body();
        return new Response(sendsBody && body != null ? toUint8Array(body) : null, init);
    }

    /**
     * The kernel answers with a few constant header lists (JSON, an event stream), so the {@code {status, headers}}
     * dictionaries made for them are kept, by the list's identity: the Response constructor copies what it reads from
     * one and keeps nothing of it. Each made afresh took about nine import calls (the object, its two properties, the
     * record, a name and a value as JavaScript strings) and left four JavaScript objects behind.
     */
    private static final int KEPT_INITS = 8;
    private static final int[] initStatus = new int[KEPT_INITS];
    private static final Object[] initHeaders = new Object[KEPT_INITS];
    private static final ResponseInit[] inits = new ResponseInit[KEPT_INITS];
    private static int nextInit;

    private static ResponseInit init(int status, List<Header> headers) {
        for (int i = 0; i < KEPT_INITS; i++) {
            if (initHeaders[i] == headers && initStatus[i] == status) return inits[i];
        }
        ResponseInit made = ResponseInit.create(status, headerRecord(headers));
        initStatus[nextInit] = status; // a list made per answer takes a slot in turn, and never matches again
        initHeaders[nextInit] = headers;
        inits[nextInit] = made;
        nextInit = (nextInit + 1) % KEPT_INITS;
        return made;
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

    /** The byte[] as a Uint8Array (in the JavaScript build a view of its own storage); the Response copies it. */
    private static Uint8Array toUint8Array(byte[] bytes) {
        return JavaBytes.view(bytes);
    }
}
