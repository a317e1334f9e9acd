package dev.flowconf.kernel.http;

import dev.flowconf.kernel.exec.ExecutionError;
import dev.flowconf.kernel.exec.ResultStream;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import dev.flowconf.kernel.json.JsonWriter;
import java.nio.charset.StandardCharsets;
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
    public static final byte[] KEEP_ALIVE = ": keepalive\n\n".getBytes(StandardCharsets.UTF_8);

    private final ResultStream items;
    private final long keepAliveMillis;
    private boolean ended;

    EventStream(ResultStream items, long keepAliveMillis) {
        this.items = items;
        this.keepAliveMillis = keepAliveMillis;
    }

    /** The next frame, blocking until the flow produces it; null once the stream has ended. */
    public byte[] nextFrame() {
        if (ended) return null;
        try {
            JsonValue item = items.next();
            if (item == null) {
                ended = true;
                return null;
            }
            return dataFrame(item);
        } catch (ExecutionError e) {
            ended = true;
            // A failed item carries the kernel's own text, no code or details (upstream hosts agree).
            return errorFrame(JsonObject.builder().put("error", JsonString.of(e.getMessage())).build());
        }
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

    static byte[] dataFrame(JsonValue item) {
        return concat("data: ", JsonWriter.toBytes(item), "\n\n");
    }

    /** `event: error` first, as axum orders the fields. */
    static byte[] errorFrame(JsonObject envelope) {
        return concat("event: error\ndata: ", JsonWriter.toBytes(envelope), "\n\n");
    }

    private static byte[] concat(String head, byte[] json, String tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[h.length + json.length + t.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(json, 0, out, h.length, json.length);
        System.arraycopy(t, 0, out, h.length + json.length, t.length);
        return out;
    }
}
