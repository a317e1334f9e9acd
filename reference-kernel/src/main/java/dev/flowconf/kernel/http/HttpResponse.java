package dev.flowconf.kernel.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A platform-neutral HTTP response: status, headers in the order to send, and a complete body. */
public final class HttpResponse {
    private final int status;
    private final List<Header> headers;
    private final byte[] body;

    public HttpResponse(int status, List<Header> headers, byte[] body) {
        this.status = status;
        this.headers = Collections.unmodifiableList(new ArrayList<>(headers));
        this.body = body;
    }

    public int status() { return status; }
    public List<Header> headers() { return headers; }
    public byte[] body() { return body; }
}
