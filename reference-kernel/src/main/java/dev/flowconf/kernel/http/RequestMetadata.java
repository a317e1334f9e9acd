package dev.flowconf.kernel.http;

import dev.flowconf.kernel.exec.InvocationMetadata;
import dev.flowconf.kernel.json.JsonArray;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonParseException;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Fills an invocation's `http.*` and `auth.user` metadata from the request. */
final class RequestMetadata {
    private RequestMetadata() {}

    /**
     * The Fetch standard upper-cases these six methods (workerd applies it before we see the
     * request), so every host does the same and the hosts agree.
     */
    static String normalizeMethod(String method) {
        String upper = method.toUpperCase(Locale.ROOT);
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
        if (host != null) metadata.putLabel("http.host", host);
        if (!request.headers().isEmpty()) metadata.putExtension("http.headers", headers(request));
        String user = request.header("x-auth-user");
        if (user != null) {
            try {
                metadata.putExtension("auth.user", JsonParser.parse(user));
            } catch (JsonParseException ignored) {
                // Upstream skips a header that is not JSON; the run goes on without a user.
            }
        }
    }

    /** `{lower-case name: [value per occurrence]}`. */
    private static JsonValue headers(HttpRequest request) {
        Map<String, List<JsonValue>> byName = new TreeMap<>();
        for (Header h : request.headers()) {
            byName.computeIfAbsent(h.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(JsonString.of(h.value()));
        }
        JsonObject.Builder b = JsonObject.builder();
        for (Map.Entry<String, List<JsonValue>> e : byName.entrySet()) b.put(e.getKey(), JsonArray.of(e.getValue()));
        return b.build();
    }

    /** The Accept header mentions text/event-stream anywhere (upstream's `contains` rule). */
    static boolean wantsEventStream(HttpRequest request) {
        for (Header h : request.headers()) {
            if (h.name().equalsIgnoreCase("accept") && h.value().contains("text/event-stream")) return true;
        }
        return false;
    }
}
