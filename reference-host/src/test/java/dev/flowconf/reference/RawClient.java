package dev.flowconf.reference;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so a test sees the bytes as they arrive and decides exactly when
 * the client leaves. Reads one chunked or length-delimited response at a time.
 */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final StringBuilder decoded = new StringBuilder();
    private boolean bodyEnded;

    RawClient(URI base) throws IOException {
        socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(20_000); // a safety net: no test waits this long for bytes it expects
        in = new BufferedInputStream(socket.getInputStream());
    }

    /** Sends a request with a Content-Length body (none when null). */
    RawClient send(String method, String path, String body, String... extraHeaders) throws IOException {
        StringBuilder r = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String h : extraHeaders) r.append(h).append("\r\n");
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) r.append("Content-Length: ").append(bytes.length).append("\r\n");
        r.append("\r\n");
        sendRaw(r.toString());
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    void sendRaw(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** The status line and the header fields (lower-case names) of the next response. */
    Head readHead() throws IOException {
        String status = line();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(); !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        decoded.setLength(0);
        bodyEnded = false;
        return new Head(Integer.parseInt(status.split(" ")[1]), headers);
    }

    /** The next SSE block (ending in a blank line, terminator included), or null when the body ended. */
    String readEvent() throws IOException {
        while (decoded.indexOf("\n\n") < 0) {
            if (bodyEnded || !readChunk()) {
                if (decoded.length() > 0) throw new EOFException("body ended inside an event: " + decoded);
                return null;
            }
        }
        int end = decoded.indexOf("\n\n") + 2;
        String event = decoded.substring(0, end);
        decoded.delete(0, end);
        return event;
    }

    /** The rest of a chunked body, decoded. */
    String readChunkedBody() throws IOException {
        while (!bodyEnded && readChunk()) {
            // keep decoding until the last chunk
        }
        String body = decoded.toString();
        decoded.setLength(0);
        return body;
    }

    /** A Content-Length body. */
    String readBody(Head head) throws IOException {
        return new String(in.readNBytes(Integer.parseInt(head.headers.get("content-length"))), StandardCharsets.UTF_8);
    }

    /** Appends the next chunk to {@link #decoded}; false at the last (empty) chunk. */
    private boolean readChunk() throws IOException {
        int size = Integer.parseInt(line().trim(), 16);
        if (size == 0) {
            line(); // the blank line after the last chunk (no trailers are sent)
            bodyEnded = true;
            return false;
        }
        decoded.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
        line();
        return true;
    }

    private String line() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) throw new EOFException("connection closed");
            if (b != '\r') out.write(b);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    static final class Head {
        final int status;
        final Map<String, String> headers;

        Head(int status, Map<String, String> headers) {
            this.status = status;
            this.headers = headers;
        }
    }
}
