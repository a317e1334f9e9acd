package dev.flowconf.kernel.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A platform-neutral HTTP response: status, headers in the order to send, and either a complete
 * body or an event stream the host pulls frame by frame.
 */
public final class HttpResponse {
    private final int status;
    private final List<Header> headers;
    private final byte[] body;
    private final EventStream eventStream;

    public HttpResponse(int status, List<Header> headers, byte[] body) {
        this(status, headers, body, null);
    }

    private HttpResponse(int status, List<Header> headers, byte[] body, EventStream eventStream) {
        this.status = status;
        this.headers = Collections.unmodifiableList(new ArrayList<>(headers));
        this.body = body;
        this.eventStream = eventStream;
    }

    /** 200 with the SSE headers; the body is the stream's frames. */
    static HttpResponse events(EventStream stream) {
        return new HttpResponse(200, EventStream.HEADERS, new byte[0], stream);
    }

    public int status() { return status; }
    public List<Header> headers() { return headers; }

    /** The whole body; empty for an event stream. */
    public byte[] body() { return body; }

    /** Null unless this is an event stream, which the host must pull until it ends. */
    public EventStream eventStream() { return eventStream; }
}
