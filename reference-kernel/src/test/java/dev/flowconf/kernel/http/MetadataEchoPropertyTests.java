package dev.flowconf.kernel.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.kernel.catalog.MetadataEchoFlow;
import dev.flowconf.kernel.catalog.ShippedCatalog;
import dev.flowconf.kernel.json.JsonArbitraries;
import dev.flowconf.kernel.json.JsonArray;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonParseException;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import dev.flowconf.kernel.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;

/**
 * `/meta` reflects exactly what was sent (SPEC.md §3 Metadata): the expected answer is rebuilt here from the
 * request alone, with the query decoded by {@link FormUrlencodedOracle} (META-QUERY-1) and the headers merged as
 * the Fetch API merges them (META-HEADERS-1: ASCII-lower-cased names, repeated fields joined with ", "; the
 * single-header reads of META-HTTP-1, META-AUTH-1 and META-LF-1 see the same joined value).
 * A failure prints its seed; {@code @Property(seed = "...")} replays it (see junit-platform.properties).
 */
@Tag("jvm-only") // jqwik runs on the JVM only
class MetadataEchoPropertyTests {
    private static final ExecutorService NODE_TASKS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "fuzz-node-task");
        t.setDaemon(true);
        return t;
    });
    private static final HttpHost HOST = ShippedCatalog.host(ShippedCatalog.Platform.defaults()
            .withTasks((name, task) -> NODE_TASKS.execute(task)));
    private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Property(tries = 1000)
    void theMetaRouteReflectsExactlyWhatWasSent(@ForAll("metaRequests") GeneratedRequest request)
            throws JsonParseException {
        HttpResponse response = HOST.handle(request.toRequest());
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(200, response.status(), () -> body + " for " + request);
        JsonObject answer = JsonParser.parse(body).asObject();
        JsonObject labels = answer.get("labels").asObject();
        String runId = labels.get("lf.run_id").asString().value();
        assertTrue(runId.matches(UUID_V4), () -> "lf.run_id " + runId);
        JsonObject expected = JsonObject.builder()
                .put("labels", expectedLabels(request).put("lf.run_id", JsonString.of(runId)).build())
                .put("extensions", expectedExtensions(request).build())
                .build();
        assertEquals(JsonWriter.toJson(expected), body, request::toString);
    }

    @Provide
    Arbitrary<GeneratedRequest> metaRequests() {
        Arbitrary<String> method = HttpArbitraries.anyCase(List.of("GET", "POST"));
        Arbitrary<byte[]> body = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(new byte[0])),
                Tuple.of(1, JsonArbitraries.values(HttpArbitraries.PAYLOAD_DEPTH).map(JsonWriter::toBytes)));
        return Combinators.combine(method, HttpArbitraries.rawQueries(), HttpArbitraries.tokenHeaders(), body)
                .as((m, query, headers, payload) -> new GeneratedRequest(m, "/meta", query, headers, payload));
    }

    private static JsonObject.Builder expectedLabels(GeneratedRequest request) {
        Map<String, String> fields = fetchHeaders(request.headers);
        JsonObject.Builder labels = JsonObject.builder()
                .put("http.method", JsonString.of(HttpArbitraries.normalizedMethod(request.method)))
                .put("http.path", JsonString.of("/meta"))
                .put("lf.flow_id", JsonString.of(MetadataEchoFlow.ID))
                .put("lf.trigger_alias", JsonString.of("trigger"))
                .put("lf.capture_alias", JsonString.of("meta"));
        if (request.rawQuery != null) {
            labels.put("http.query_raw", JsonString.of(request.rawQuery));
        }
        String host = fields.get("host");
        if (host != null && host.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            labels.put("http.host", JsonString.of(host));
        }
        String requestId = fields.containsKey("x-request-id") ? fields.get("x-request-id") : fields.get("cf-ray");
        putIfPresent(labels, "lf.request_id", requestId);
        putIfPresent(labels, "lf.event_id", fields.get("x-event-id"));
        putIfPresent(labels, "lf.idem_key", fields.get("x-idempotency-key"));
        return labels;
    }

    private static JsonObject.Builder expectedExtensions(GeneratedRequest request) {
        JsonObject.Builder extensions = JsonObject.builder();
        if (request.rawQuery != null) {
            List<String> pairs = FormUrlencodedOracle.pairs(request.rawQuery);
            Map<String, List<JsonValue>> query = new LinkedHashMap<>();
            for (int i = 0; i < pairs.size(); i += 2) {
                query.computeIfAbsent(pairs.get(i), k -> new ArrayList<>()).add(JsonString.of(pairs.get(i + 1)));
            }
            if (!query.isEmpty()) {
                JsonObject.Builder q = JsonObject.builder();
                query.forEach((name, values) -> q.put(name, JsonArray.of(values)));
                extensions.put("http.query", q.build());
            }
        }
        Map<String, String> fields = fetchHeaders(request.headers);
        if (!request.headers.isEmpty()) {
            JsonObject.Builder headers = JsonObject.builder();
            fields.forEach((name, value) -> {
                if (name.startsWith("x-")) { // MetadataEchoFlow keeps only x-* names
                    headers.put(name, JsonArray.of(List.of(JsonString.of(value))));
                }
            });
            extensions.put("http.headers", headers.build());
        }
        String user = fields.get("x-auth-user");
        if (user != null) {
            try {
                extensions.put("auth.user", JsonParser.parse(user));
            } catch (JsonParseException notJson) {
                // META-AUTH-1: ignored
            }
        }
        return extensions;
    }

    /** The Fetch API's view of the fields: one entry per ASCII-lower-cased name, values joined with ", ". */
    private static Map<String, String> fetchHeaders(List<Header> headers) {
        Map<String, String> joined = new LinkedHashMap<>();
        for (Header h : headers) {
            StringBuilder name = new StringBuilder();
            h.name().chars().forEach(c -> name.append(HttpArbitraries.asciiLower((char) c)));
            joined.merge(name.toString(), h.value(), (first, next) -> first + ", " + next);
        }
        return joined;
    }

    private static void putIfPresent(JsonObject.Builder labels, String key, String value) {
        if (value != null) {
            labels.put(key, JsonString.of(value));
        }
    }
}
