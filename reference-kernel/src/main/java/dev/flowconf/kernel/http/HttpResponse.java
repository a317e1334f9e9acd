package dev.flowconf.kernel.http;

import dev.flowconf.kernel.json.Utf8;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A platform-neutral HTTP response: status, headers in the order to send, and either a complete
 * body or an event stream the host pulls frame by frame. A body made as text (JSON) keeps its text,
 * so a host whose platform encodes strings itself (a Worker's {@code new Response(string)}) skips
 * the UTF-8 encoding here; {@link #body()} encodes it on first use.
 */
public final class HttpResponse {
    private final int status;
    private final List<Header> headers;
    private byte[] body;
    private final String text;
    private final EventStream eventStream;

    public HttpResponse(int status, List<Header> headers, byte[] body) {
        this(status, Collections.unmodifiableList(new ArrayList<>(headers)), body, null, null);
    }

    private HttpResponse(int status, List<Header> headers, byte[] body, String text, EventStream eventStream) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.text = text;
        this.eventStream = eventStream;
    }

    /** A body given as text, sent as its UTF-8 bytes (a lone surrogate as U+FFFD); {@code headers} must not change. */
    static HttpResponse text(int status, List<Header> unmodifiableHeaders, String text) {
        return new HttpResponse(status, unmodifiableHeaders, null, text, null);
    }

    /** 200 with the SSE headers; the body is the stream's frames. */
    static HttpResponse events(EventStream stream) {
        return new HttpResponse(200, EventStream.HEADERS, new byte[0], null, stream); // List.of: already unmodifiable
    }

    public int status() { return status; }
    public List<Header> headers() { return headers; }

    /** The whole body; empty for an event stream. */
    public byte[] body() {
        if (body == null) body = Utf8.encode(text);
        return body;
    }

    /** The body as the text it was made from, or null when it was made as bytes. */
    public String text() { return text; }

    /** Null unless this is an event stream, which the host must pull until it ends. */
    public EventStream eventStream() { return eventStream; }

    /**
     * Whether this answer's body goes on the wire to a request of {@code requestMethod}: never to HEAD
     * (RFC 9110 9.3.2: the headers of a GET, no content), never with a status that has no content (1xx,
     * 204, 205, 304). Every host asks here, so none of them decides it differently.
     */
    public boolean sendsBodyTo(String requestMethod) {
        return !"HEAD".equals(requestMethod) && !statusHasNoBody(status);
    }

    /** 1xx, 204, 205 and 304 carry no content (RFC 9110 15.2, 15.3.5, 15.3.6, 15.4.5). */
    private static boolean statusHasNoBody(int status) {
        return status < 200 || status == 204 || status == 205 || status == 304;
    }
}
