package dev.flowconf.kernel.http;

import dev.flowconf.kernel.exec.InvocationMetadata;
import dev.flowconf.kernel.json.JsonArray;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonParseException;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Fills an invocation's `http.*`, `auth.user` and header-borne `lf.*` metadata (SPEC.md §3). */
final class RequestMetadata {
    private RequestMetadata() {}

    /**
     * The Fetch standard upper-cases these six methods (workerd applies it before we see the
     * request), so every host does the same and the hosts agree. Its match is ASCII
     * case-insensitive: Java's toUpperCase would also turn U+017F (long s) into S and U+0131
     * (dotless i) into I, so that "poſt" became POST.
     */
    static String normalizeMethod(String method) {
        if (method.equals("POST") || method.equals("GET")) return method; // nearly every request, checked cheaply
        StringBuilder ascii = new StringBuilder(method.length());
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            ascii.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
        }
        String upper = ascii.toString();
        switch (upper) {
            case "DELETE": case "GET": case "HEAD": case "OPTIONS": case "POST": case "PUT":
                return upper;
            default:
                return method;
        }
    }

    static void fill(InvocationMetadata metadata, HttpRequest request, String method) {
        metadata.putLabel("http.method", method).putLabel("http.path", request.path());
        if (request.rawQuery() != null) metadata.putLabel("http.query_raw", request.rawQuery());
        String host = request.header("host");
        if (host != null && isVisibleAscii(host)) metadata.putLabel("http.host", host);
        // Built only if a node or plugin reads them (/meta does); the answers are the same either way.
        if (request.rawQuery() != null) metadata.putLazyExtension("http.query", () -> query(request.rawQuery()));
        if (!request.hasNoHeaders()) metadata.putLazyExtension("http.headers", () -> headers(request));
        String user = request.header("x-auth-user");
        if (user != null) {
            try {
                metadata.putExtension("auth.user", JsonParser.parse(user));
            } catch (JsonParseException ignored) {
                // Upstream skips a header that is not JSON; the run goes on without a user.
            }
        }
        String requestId = request.header("x-request-id");
        if (requestId == null) requestId = request.header("cf-ray");
        if (requestId != null) metadata.putLabel("lf.request_id", requestId);
        String eventId = request.header("x-event-id");
        if (eventId != null) metadata.putLabel("lf.event_id", eventId);
        String idemKey = request.header("x-idempotency-key");
        if (idemKey != null) metadata.putLabel("lf.idem_key", idemKey);
    }

    /** `{name: [values in order]}`, form-decoded; null when the query is absent or has no pairs. */
    static JsonValue query(String rawQuery) {
        if (rawQuery == null) return null;
        List<String> pairs = FormDecoding.pairs(rawQuery);
        if (pairs.isEmpty()) return null;
        Map<String, List<JsonValue>> byName = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            byName.computeIfAbsent(pairs.get(i), k -> new ArrayList<>()).add(JsonString.of(pairs.get(i + 1)));
        }
        JsonObject.Builder b = JsonObject.builder();
        for (Map.Entry<String, List<JsonValue>> e : byName.entrySet()) b.put(e.getKey(), JsonArray.of(e.getValue()));
        return b.build();
    }

    /**
     * `{lower-case name: [value]}`. Repeated fields of one name are joined with ", " into one
     * entry, as the Fetch API (and so workerd) presents them; SPEC.md META-HEADERS-1 says why.
     */
    private static JsonValue headers(HttpRequest request) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (Header h : request.headers()) {
            String name = lowerCase(h.name());
            String previous = byName.get(name);
            byName.put(name, previous == null ? h.value() : previous + ", " + h.value());
        }
        JsonObject.Builder b = JsonObject.builder();
        for (Map.Entry<String, String> e : byName.entrySet()) {
            b.put(e.getKey(), JsonArray.of(List.of(JsonString.of(e.getValue()))));
        }
        return b.build();
    }

    /** Locale-free lower case; the name itself when it has no upper-case letter (workerd's names never do). */
    private static String lowerCase(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z' || c > 0x7F) return name.toLowerCase(Locale.ROOT);
        }
        return name;
    }

    private static boolean isVisibleAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) return false;
        }
        return true;
    }

    /**
     * The Accept header mentions text/event-stream anywhere (upstream's `contains` rule). Several Accept fields are read
     * joined with ", ", which neither makes nor breaks a match.
     */
    static boolean wantsEventStream(HttpRequest request) {
        String accept = request.header("accept");
        return accept != null && accept.contains("text/event-stream");
    }
}
