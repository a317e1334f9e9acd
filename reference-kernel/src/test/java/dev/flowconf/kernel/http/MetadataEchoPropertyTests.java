package dev.flowconf.kernel.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconf.kernel.catalog.MetadataEchoFlow;
import dev.flowconf.kernel.catalog.ShippedCatalog;
import dev.flowconf.kernel.json.JsonArbitraries;
import dev.flowconf.kernel.oracle.SerdeOracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * `/meta` reflects exactly what was sent (SPEC.md §3 Metadata): the expected answer is rebuilt here from the
 * request alone, with the query decoded by {@link FormUrlencodedOracle} (META-QUERY-1) and the headers merged as
 * the Fetch API merges them (META-HEADERS-1: ASCII-lower-cased names, repeated fields joined with ", "; the
 * single-header reads of META-HTTP-1, META-AUTH-1 and META-LF-1 see the same joined value).
 * Samples come from a printed seed; {@code -Dflowconf.seed=<seed>} replays them (see {@link JsonArbitraries}).
 */
// Samples drawn at run time from a fresh seed (the TeaVM runner replays recorded arguments, not a Random); node
// tasks run on a JVM thread pool, as the reference host's do.
@Tag("jvm-only")
@ExtendWith(JsonArbitraries.ReplayHint.class)
class MetadataEchoPropertyTests {
    private static final ExecutorService NODE_TASKS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "fuzz-node-task");
        t.setDaemon(true);
        return t;
    });
    private static final HttpHost HOST = ShippedCatalog.host(ShippedCatalog.Platform.defaults()
            .withTasks((name, task) -> NODE_TASKS.execute(task)));
    private static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void theMetaRouteReflectsExactlyWhatWasSent(GeneratedRequest request) throws IOException {
        HttpResponse response = HOST.handle(request.toRequest());
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(200, response.status(), () -> body + " for " + request);
        // Judged with Jackson and, for auth.user, serde_json itself (the oracle): never with the kernel's own JSON code.
        JsonNode answer = STRICT.readTree(body);
        String runId = answer.path("labels").path("lf.run_id").asText();
        assertTrue(runId.matches(UUID_V4), () -> "lf.run_id " + runId);
        ObjectNode expected = STRICT.createObjectNode();
        expected.set("extensions", expectedExtensions(request));
        expected.set("labels", expectedLabels(request).put("lf.run_id", runId));
        assertEquals(expected, answer, () -> body + " for " + request);
    }

    /** GET or POST /meta in any case, with any raw query, token-named header fields and an empty or JSON body. */
    static Stream<Arguments> theMetaRouteReflectsExactlyWhatWasSent() {
        return JsonArbitraries.samples(MetadataEchoPropertyTests.class, "theMetaRouteReflectsExactlyWhatWasSent",
                1000, random -> new GeneratedRequest(HttpArbitraries.anyCase(random, List.of("GET", "POST")), "/meta",
                        HttpArbitraries.rawQuery(random), HttpArbitraries.tokenHeaders(random),
                        HttpArbitraries.jsonBody(random)));
    }

    private static ObjectNode expectedLabels(GeneratedRequest request) {
        Map<String, String> fields = fetchHeaders(request.headers);
        ObjectNode labels = STRICT.createObjectNode()
                .put("http.method", HttpArbitraries.normalizedMethod(request.method))
                .put("http.path", "/meta")
                .put("lf.flow_id", MetadataEchoFlow.ID)
                .put("lf.trigger_alias", "trigger")
                .put("lf.capture_alias", "meta");
        if (request.rawQuery != null) {
            labels.put("http.query_raw", request.rawQuery);
        }
        String host = fields.get("host");
        if (host != null && host.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            labels.put("http.host", host);
        }
        String requestId = fields.containsKey("x-request-id") ? fields.get("x-request-id") : fields.get("cf-ray");
        putIfPresent(labels, "lf.request_id", requestId);
        putIfPresent(labels, "lf.event_id", fields.get("x-event-id"));
        putIfPresent(labels, "lf.idem_key", fields.get("x-idempotency-key"));
        return labels;
    }

    private static ObjectNode expectedExtensions(GeneratedRequest request) throws IOException {
        ObjectNode extensions = STRICT.createObjectNode();
        if (request.rawQuery != null) {
            List<String> pairs = FormUrlencodedOracle.pairs(request.rawQuery);
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (int i = 0; i < pairs.size(); i += 2) {
                query.computeIfAbsent(pairs.get(i), k -> new ArrayList<>()).add(pairs.get(i + 1));
            }
            if (!query.isEmpty()) {
                ObjectNode q = extensions.putObject("http.query");
                query.forEach((name, values) -> values.forEach(q.putArray(name)::add));
            }
        }
        Map<String, String> fields = fetchHeaders(request.headers);
        if (!request.headers.isEmpty()) {
            ObjectNode headers = extensions.putObject("http.headers");
            fields.forEach((name, value) -> {
                if (name.startsWith("x-")) { // MetadataEchoFlow keeps only x-* names
                    headers.putArray(name).add(value);
                }
            });
        }
        String user = fields.get("x-auth-user");
        if (user != null) {
            SerdeOracle.Answer serde = SerdeOracle.locate().json(List.of(user.getBytes(StandardCharsets.UTF_8))).get(0);
            if (serde.isOk()) { // META-AUTH-1: what serde_json cannot parse is ignored
                extensions.set("auth.user", STRICT.readTree(serde.ok()));
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

    private static void putIfPresent(ObjectNode labels, String key, String value) {
        if (value != null) {
            labels.put(key, value);
        }
    }
}
