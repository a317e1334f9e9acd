package dev.flowconf.kernel.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** One generated request: what {@link FlowHttpHost#handle} gets, printed readably when a property fails. */
final class GeneratedRequest {
    final String method;
    final String path;
    final String rawQuery;
    final List<Header> headers;
    final byte[] body;

    GeneratedRequest(String method, String path, String rawQuery, List<Header> headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.headers = List.copyOf(headers);
        this.body = body;
    }

    HttpRequest toRequest() {
        return new HttpRequest(method, path, rawQuery, headers, body);
    }

    /** Java-escaped, so the shrunk sample can be pasted into a regression test as it is. */
    @Override
    public String toString() {
        String shownHeaders = headers.stream().map(h -> quote(h.name()) + ": " + quote(h.value()))
                .collect(Collectors.joining(", "));
        return "method=" + quote(method) + " path=" + quote(path) + " rawQuery="
                + (rawQuery == null ? "null" : quote(rawQuery)) + " headers=[" + shownHeaders + "] body="
                + quote(new String(body, StandardCharsets.ISO_8859_1)) + " (" + body.length + " bytes)";
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }
}
