package dev.flowconf.kernel.http;

import dev.flowconf.kernel.exec.ExecutionError;
import dev.flowconf.kernel.exec.ResultStream;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import dev.flowconf.kernel.json.JsonWriter;
import dev.flowconf.kernel.json.Utf8;
import java.util.List;

/**
 * A stream result as Server-Sent Events, pulled by the host: `data: <compact JSON>\n\n` per item,
 * one `event: error` frame for a failed item (then the end). Hosts write {@link #KEEP_ALIVE} when
 * nothing was written for {@link #keepAliveMillis()}, and call {@link #cancel()} when the client
 * is gone (a failed write), which cancels the run.
 */
public final class EventStream {
    /** SSE response headers, both hosts (the Workers host's `connection` header is hop-by-hop). */
    static final List<Header> HEADERS = List.of(
            new Header("content-type", "text/event-stream"),
            new Header("cache-control", "no-cache"));

    /** `: keepalive\n\n`, the SSE comment axum sends on an idle stream. */
    public static final String KEEP_ALIVE_TEXT = ": keepalive\n\n";
    public static final byte[] KEEP_ALIVE = Utf8.encode(KEEP_ALIVE_TEXT);

    private final ResultStream items;
    private final long keepAliveMillis;
    private boolean ended;

    EventStream(ResultStream items, long keepAliveMillis) {
        this.items = items;
        this.keepAliveMillis = keepAliveMillis;
    }

    /** The next frame, blocking until the flow produces it; null once the stream has ended. */
    public byte[] nextFrame() {
        String frame = nextFrameText();
        return frame == null ? null : Utf8.encode(frame);
    }

    /**
     * The next frame as text, for a host whose platform encodes UTF-8 itself (the Workers host's TextEncoder, native,
     * where bytes made in Java are typed arrays made and copied per frame). Encoding it gives {@link #nextFrame()}'s
     * bytes: a lone surrogate becomes U+FFFD either way.
     */
    public String nextFrameText() {
        StringBuilder frame = new StringBuilder(64);
        return appendNextFrame(frame) ? frame.toString() : null;
    }

    /**
     * Appends the next frame's text to {@code out}; false, appending nothing, once the stream has ended. For a host
     * that sends several frames as one chunk: no String per frame on the way.
     */
    public boolean appendNextFrame(StringBuilder out) {
        if (ended) return false;
        try {
            JsonValue item = items.next();
            if (item == null) {
                ended = true;
                return false;
            }
            appendDataFrame(out, item);
        } catch (ExecutionError e) {
            ended = true;
            // A failed item carries the kernel's own text, no code or details (upstream hosts agree).
            appendErrorFrame(out, JsonObject.builder().put("error", JsonString.of(e.getMessage())).build());
        }
        return true;
    }

    /** Whether {@link #nextFrame()} never waits (see ResultStream#nextWithoutWaiting). */
    public boolean nextFrameWithoutWaiting() {
        return items.nextWithoutWaiting();
    }

    /** The client went away: cancel the run. Safe to call from any thread, more than once. */
    public void cancel() {
        items.cancel();
    }

    /** How long a host lets the stream stay silent before writing {@link #KEEP_ALIVE}. */
    public long keepAliveMillis() { return keepAliveMillis; }

    static String dataFrame(JsonValue item) {
        return appendDataFrame(new StringBuilder(64), item).toString();
    }

    private static StringBuilder appendDataFrame(StringBuilder out, JsonValue item) {
        return JsonWriter.appendTo(out.append("data: "), item).append("\n\n");
    }

    /** `event: error` first, as axum orders the fields. */
    static String errorFrame(JsonObject envelope) {
        return appendErrorFrame(new StringBuilder(128), envelope).toString();
    }

    private static StringBuilder appendErrorFrame(StringBuilder out, JsonObject envelope) {
        return JsonWriter.appendTo(out.append("event: error\ndata: "), envelope).append("\n\n");
    }
}
