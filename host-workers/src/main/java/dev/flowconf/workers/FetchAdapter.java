package dev.flowconf.workers;

import dev.flowconf.kernel.http.Header;
import dev.flowconf.kernel.http.HttpRequest;
import dev.flowconf.kernel.http.HttpResponse;
import dev.flowconf.kernel.http.RequestBody;
import dev.flowconf.workers.fetch.Headers;
import dev.flowconf.workers.fetch.Request;
import dev.flowconf.workers.fetch.Response;
import dev.flowconf.workers.fetch.ResponseInit;
import dev.flowconf.workers.fetch.URL;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.typedarrays.Int8Array;
import org.teavm.jso.typedarrays.Uint8Array;

/** Turns a JS Request into the kernel's HttpRequest and an HttpResponse back into a JS Response. */
final class FetchAdapter {

    private FetchAdapter() {}

    /** The request with its body, already read (LimitedBodyRead); the client token is added when needed. */
    static HttpRequest toHttpRequest(Request request, RequestBody body) {
        String href = request.getUrl();
        return new HttpRequest(
                request.getMethod(),
                new URL(href).getPathname(),
                RequestTarget.rawQuery(href),
                headers(request.getHeaders()),
                body,
                null);
    }

    static Response toResponse(HttpResponse response, String requestMethod) {
        Headers headers = new Headers();
        for (Header header : response.headers()) {
            headers.append(header.name(), header.value());
        }
        ResponseInit init = ResponseInit.create(response.status(), headers);
        if (response.eventStream() != null) {
            return new Response(EventStreamBody.of(response.eventStream()), init);
        }
        byte[] body = response.body();
        boolean sendsBody = body != null && !isNullBodyStatus(response.status()) && !"HEAD".equals(requestMethod);
        return new Response(sendsBody ? toUint8Array(body) : null, init);
    }

    /** The Fetch standard forbids a body with these statuses (the Response constructor throws). */
    private static boolean isNullBodyStatus(int status) {
        return status == 204 || status == 205 || status == 304;
    }

    private static List<Header> headers(Headers jsHeaders) {
        List<Header> headers = new ArrayList<>();
        jsHeaders.forEach((value, name) -> headers.add(new Header(name, value)));
        return headers;
    }

    /** A Uint8Array view over the byte[]'s own storage: no copy here; the Response copies it once. */
    private static Uint8Array toUint8Array(byte[] bytes) {
        Int8Array signed = Int8Array.fromJavaArray(bytes);
        return new Uint8Array(signed.getBuffer(), signed.getByteOffset(), signed.getLength());
    }
}
