package dev.flowconf.wire;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

/**
 * HTTP/1.1 by hand over one socket: requests written byte for byte (a field twice, a lower-case method, a body
 * that does not match its length), answers read as they arrive, and a client that leaves when it chooses,
 * gracefully (FIN) or abortively (RST). For what no HTTP client library lets a caller do or see.
 */
public final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final String authority;
    private final InputStream in;
    private final StringBuilder events = new StringBuilder();
    private boolean bodyEnded;

    private RawConnection(Socket socket, String authority) throws IOException {
        this.socket = socket;
        this.authority = authority;
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    /**
     * Connects to {@code base}'s host and port (TLS for https). {@code timeout} bounds the connect and every
     * read: a safety net, so no test or run waits forever for bytes that never come.
     */
    public static RawConnection open(URI base, Duration timeout) throws IOException {
        boolean tls = "https".equals(base.getScheme());
        int port = base.getPort() != -1 ? base.getPort() : tls ? 443 : 80;
        Socket socket = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket();
        try {
            socket.connect(new InetSocketAddress(base.getHost(), port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            return new RawConnection(socket, base.getRawAuthority());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** {@link #open} with a 20 s safety net, and sends one request: see {@link #send}. */
    public static RawConnection request(URI base, String method, String target, String body, String... fields)
            throws IOException {
        return open(base, Duration.ofSeconds(20)).send(method, target, body, fields);
    }

    /**
     * Sends a request: the request line, {@code Host} (unless {@code fields} has one), each of {@code fields}
     * ("name: value") as given, {@code Content-Length} when {@code body} is not null, then the body as UTF-8.
     */
    public RawConnection send(String method, String target, String body, String... fields) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        boolean hasHost = false;
        for (String field : fields) {
            hasHost |= field.regionMatches(true, 0, "host:", 0, 5);
        }
        if (!hasHost) {
            head.append("Host: ").append(authority).append("\r\n");
        }
        for (String field : fields) {
            head.append(field).append("\r\n");
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        head.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Writes {@code text} as it is (UTF-8): a request head of one's own making, or a part of one. */
    public RawConnection sendRaw(String text) throws IOException {
        return sendRaw(text.getBytes(StandardCharsets.UTF_8));
    }

    public RawConnection sendRaw(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** The status line and header section of the next answer: names lower-cased, every value in order. */
    public Head readHead() throws IOException {
        String statusLine = line();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String field = line(); !field.isEmpty(); field = line()) {
            int colon = field.indexOf(':');
            if (colon < 0) {
                throw new IOException("not a header field: " + field);
            }
            fields.computeIfAbsent(field.substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(field.substring(colon + 1).trim());
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not a status line: " + statusLine);
        }
        events.setLength(0);
        bodyEnded = false;
        return new Head(Integer.parseInt(parts[1]), fields);
    }

    /** The next chunk of a chunked body, as sent; null after the last one. */
    public byte[] readChunk() throws IOException {
        if (bodyEnded) {
            return null;
        }
        int length = Integer.parseInt(line().split(";")[0].trim(), 16);
        if (length == 0) {
            line(); // no trailers: the blank line that ends the body
            bodyEnded = true;
            return null;
        }
        byte[] chunk = in.readNBytes(length);
        if (chunk.length < length) {
            throw new EOFException("connection ended inside a chunk");
        }
        line();
        return chunk;
    }

    /** The rest of a chunked body, as UTF-8 text (what {@link #readEvent} had read ahead included). */
    public String readChunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] chunk = readChunk(); chunk != null; chunk = readChunk()) {
            body.write(chunk);
        }
        String rest = events + body.toString(StandardCharsets.UTF_8);
        events.setLength(0);
        return rest;
    }

    /** A body of the head's content-length, as UTF-8 text. */
    public String readBody(Head head) throws IOException {
        int length = Integer.parseInt(head.first("content-length"));
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("connection ended after " + body.length + " of " + length + " body bytes");
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The next server-sent event block of a chunked body, up to and including its blank line; null when the body
     * ended between blocks. Chunk boundaries need not fall between events.
     */
    public String readEvent() throws IOException {
        while (events.indexOf("\n\n") < 0) {
            byte[] chunk = readChunk();
            if (chunk == null) {
                if (events.length() > 0) {
                    throw new EOFException("body ended inside an event: " + events);
                }
                return null;
            }
            events.append(new String(chunk, StandardCharsets.UTF_8));
        }
        int end = events.indexOf("\n\n") + 2;
        String event = events.substring(0, end);
        events.delete(0, end);
        return event;
    }

    /** The socket, for a caller that reads the answer its own way (the runner's transcript reader). */
    public Socket socket() {
        return socket;
    }

    /** Leaves gracefully: a FIN, which a host may notice only when its next write to us fails. */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Leaves abortively: SO_LINGER 0 makes the close send a RST, which a host notices at once. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection ended mid-line: " + line.toString(StandardCharsets.UTF_8));
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** Status and header fields of an answer; names lower-cased, values in the order they came. */
    public record Head(int status, Map<String, List<String>> fields) {
        /** The first value of {@code name} (lower case), or null. */
        public String first(String name) {
            List<String> values = fields.get(name);
            return values == null ? null : values.get(0);
        }

        public boolean chunked() {
            return fields.getOrDefault("transfer-encoding", List.of()).contains("chunked");
        }
    }
}
