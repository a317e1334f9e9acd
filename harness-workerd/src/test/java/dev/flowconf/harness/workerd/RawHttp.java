package dev.flowconf.harness.workerd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 by hand over one socket: the exact header fields workerd sends, a chunked body read as it arrives,
 * and a client that can leave at any moment, gracefully (FIN) or abortively (RST).
 */
final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Connects and sends the request; {@code body} null means none. */
    static RawHttp send(URI base, String method, String path, String body) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(10_000);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + base.getAuthority()
                + "\r\n");
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        head.append("\r\n");
        socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return new RawHttp(socket);
    }

    /** Connects and sends {@code head} as it is (request line and fields, ending in a blank line), no body. */
    static RawHttp sendHead(URI base, String head) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return new RawHttp(socket);
    }

    /** Status line and fields, names lower-cased, values in order. */
    record Head(int status, Map<String, List<String>> fields) {
        boolean chunked() {
            return fields.getOrDefault("transfer-encoding", List.of()).contains("chunked");
        }
    }

    Head readHead() throws IOException {
        String status = line();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String field = line(); !field.isEmpty(); field = line()) {
            int colon = field.indexOf(':');
            fields.computeIfAbsent(field.substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(field.substring(colon + 1).trim());
        }
        return new Head(Integer.parseInt(status.split(" ")[1]), fields);
    }

    /** The next chunk of a chunked body; null after the last one. */
    byte[] readChunk() throws IOException {
        String size = line();
        int length = Integer.parseInt(size.split(";")[0].trim(), 16);
        if (length == 0) {
            line(); // no trailers: the blank line that ends the body
            return null;
        }
        byte[] chunk = in.readNBytes(length);
        line();
        return chunk;
    }

    /** The rest of a chunked body, until it ends. */
    String readBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] chunk = readChunk(); chunk != null; chunk = readChunk()) {
            body.write(chunk);
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    /** A body of the head's content-length. */
    String readBody(Head head) throws IOException {
        int length = Integer.parseInt(head.fields().get("content-length").get(0));
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** Leaves gracefully: a FIN, which workerd notices only when its next write to us fails. */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Leaves abortively: SO_LINGER 0 makes close() send a RST, which workerd notices at once. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection ended mid-line: " + line.toString(StandardCharsets.UTF_8));
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
