package dev.flowconf.reference.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * ci/bench's baseline for the reference host: the same Jetty 12 setup (connector, configuration, blocking
 * core handler reading the whole body) doing S1's work by hand, without the kernel. Not a flowconf host.
 *
 * <ul>
 *   <li>{@code POST /echo}: {@code {"value":" HeLLo "}} → {@code {"value":"hello"}} (strip + lower case);</li>
 *   <li>{@code GET /stream}: three events {@code data: {"chunk":i}} ({@code ?n=N}: N of them), each written and
 *       flushed on its own; {@code GET /bench/stream}: 10 000 of them;</li>
 *   <li>anything else: 404.</li>
 * </ul>
 *
 * {@code java -cp reference-host.jar:test-classes dev.flowconf.reference.bench.BareJettyEcho [--port N]}; the
 * first stdout line names the URL, as the hosts' do.
 */
public final class BareJettyEcho extends Handler.Abstract {
    private static final String JSON = "application/json";

    public static void main(String[] args) throws Exception {
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if (!args[i].equals("--keepalive-ms")) { // accepted and ignored, so scripts can pass host options
                throw new IllegalArgumentException("usage: BareJettyEcho [--port N]");
            } else {
                i++;
            }
        }
        Server server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new BareJettyEcho());
        server.setStopAtShutdown(true);
        server.start();
        System.out.println("bare jetty echo listening on http://127.0.0.1:" + connector.getLocalPort());
        System.out.flush();
        server.join();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        if (path.equals("/echo") && method.equals("POST")) {
            byte[] body;
            try (InputStream in = Content.Source.asInputStream(request)) {
                body = in.readAllBytes();
            }
            String value;
            try {
                value = new MiniJson(new String(body, StandardCharsets.UTF_8)).stringField("value");
            } catch (IllegalArgumentException e) {
                answer(response, callback, 400, "{\"error\":" + quote(e.getMessage()) + "}");
                return true;
            }
            if (value == null) {
                answer(response, callback, 500, "{\"error\":\"missing field `value`\"}");
                return true;
            }
            answer(response, callback, 200, "{\"value\":" + quote(value.strip().toLowerCase(Locale.ROOT)) + "}");
            return true;
        }
        if ((path.equals("/stream") || path.equals("/bench/stream")) && method.equals("GET")) {
            int n = path.equals("/stream") ? 3 : 10_000;
            String query = request.getHttpURI().getQuery();
            if (query != null && query.startsWith("n=")) {
                n = Math.max(0, Math.min(1_000_000, Integer.parseInt(query.substring(2))));
            }
            response.setStatus(200);
            response.getHeaders().put("content-type", "text/event-stream");
            response.getHeaders().put("cache-control", "no-cache");
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                for (int i = 0; i < n; i++) {
                    out.write(("data: {\"chunk\":" + i + "}\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException clientGone) {
                callback.failed(clientGone);
                return true;
            }
            callback.succeeded();
            return true;
        }
        answer(response, callback, 404, "{\"error\":\"route not found\"}");
        return true;
    }

    private static void answer(Response response, Callback callback, int status, String json) {
        response.setStatus(status);
        response.getHeaders().put("content-type", JSON);
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }

    /** Just enough JSON for S1: a top-level object whose string member is wanted; other members are skipped. */
    static final class MiniJson {
        private final String text;
        private int pos;

        MiniJson(String text) {
            this.text = text;
        }

        /** The member's string value, null when the body is an object without such a string member. */
        String stringField(String name) {
            skipSpace();
            expect('{');
            String found = null;
            skipSpace();
            if (peek() == '}') {
                pos++;
            } else {
                while (true) {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    skipSpace();
                    if (key.equals(name) && peek() == '"') {
                        found = string();
                    } else {
                        skipValue();
                    }
                    skipSpace();
                    char c = next();
                    if (c == '}') break;
                    if (c != ',') throw error("expected `,` or `}`");
                }
            }
            skipSpace();
            if (pos != text.length()) throw error("trailing characters");
            return found;
        }

        private void skipValue() {
            char c = peek();
            if (c == '"') {
                string();
            } else if (c == '{' || c == '[') {
                char close = c == '{' ? '}' : ']';
                pos++;
                skipSpace();
                if (peek() == close) {
                    pos++;
                    return;
                }
                while (true) {
                    skipSpace();
                    if (close == '}') {
                        string();
                        skipSpace();
                        expect(':');
                        skipSpace();
                    }
                    skipValue();
                    skipSpace();
                    char d = next();
                    if (d == close) return;
                    if (d != ',') throw error("expected `,`");
                }
            } else {
                int start = pos;
                while (pos < text.length() && "+-.0123456789eEtruefalsn".indexOf(text.charAt(pos)) >= 0) pos++;
                if (pos == start) throw error("expected value");
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') return out.toString();
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) throw error("EOF while parsing a string");
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw error("invalid escape");
                }
            }
        }

        private void skipSpace() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) pos++;
        }

        private char peek() {
            if (pos >= text.length()) throw error("EOF while parsing a value");
            return text.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) throw error("expected `" + c + "`");
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException(message + " at position " + pos);
        }
    }
}
