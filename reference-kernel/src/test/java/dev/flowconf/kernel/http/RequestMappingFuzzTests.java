package dev.flowconf.kernel.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconf.kernel.catalog.ShippedCatalog;
import dev.flowconf.kernel.fuzz.Bounded;
import dev.flowconf.kernel.json.JsonParseException;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * Any request (methods, paths, raw queries with broken escapes, odd headers, any x-auth-user, any body) sent to
 * the whole shipped catalog: the host always answers, with a status SPEC.md documents, routes exactly as §2 says
 * (404, 405 with `allow`, 400 with serde's message), and every error is a JSON envelope with an `error` string
 * (§5), or one SSE `error` event for an event-stream client (SSE-ERROR-1).
 * A failure prints its seed; {@code @Property(seed = "...")} replays it (see junit-platform.properties).
 */
@Tag("jvm-only") // jqwik runs on the JVM only; node tasks run on a JVM thread pool, as the reference host's do
class RequestMappingFuzzTests {
    /** Every status SPEC.md §2-§5 gives a request (a stream is a 200). */
    static final Set<Integer> DOCUMENTED_STATUSES = Set.of(200, 400, 404, 405, 500, 503, 504);
    private static final long LIMIT_MILLIS = 10_000;
    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final ExecutorService NODE_TASKS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "fuzz-node-task");
        t.setDaemon(true);
        return t;
    });
    private static final HttpHost HOST = ShippedCatalog.host(ShippedCatalog.Platform.defaults()
            .withTasks((name, task) -> NODE_TASKS.execute(task)));

    @Property(tries = 1000)
    void everyRequestGetsADocumentedAnswerAndNeverAnException(@ForAll("requests") GeneratedRequest request)
            throws Throwable {
        HttpResponse response;
        try {
            response = Bounded.call(() -> HOST.handle(request.toRequest()), LIMIT_MILLIS, request::toString);
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError("handle threw " + e + " for " + request, e);
        }
        assertNotNull(response, request::toString);
        assertTrue(DOCUMENTED_STATUSES.contains(response.status()), () -> response.status() + " for " + request);

        String method = HttpArbitraries.normalizedMethod(request.method);
        List<String> allowed = new ArrayList<>();
        for (String[] route : HttpArbitraries.ROUTES) {
            if (route[1].equals(request.path)) {
                allowed.add(route[0]);
            }
        }
        if (HttpArbitraries.PROBE_PATH.equals(request.path) && "GET".equals(method)) {
            assertJson(response, 200, request);
        } else if (allowed.isEmpty()) {
            assertJson(response, 404, request);
            assertEquals("{\"error\":\"route not found\"}", bodyOf(response), request::toString);
        } else if (!allowed.contains(method)) {
            assertJson(response, 405, request);
            assertEquals("{\"error\":\"method not allowed\"}", bodyOf(response), request::toString);
            assertEquals(String.join(",", allowed), header(response, "allow"), request::toString);
        } else if (readsBody(request) && request.body.length > 0 && parseError(request.body) != null) {
            String expected = "{\"error\":" + JsonWriter.toJson(JsonString.of(parseError(request.body))) + "}";
            assertJson(response, 400, request);
            assertEquals(expected, bodyOf(response), request::toString);
        } else {
            assertRunAnswer(response, request);
        }
    }

    @Provide
    Arbitrary<GeneratedRequest> requests() {
        // POST /harness/slow always takes 2 s (a fixed sleep, nothing the request changes); its 405s still come.
        return HttpArbitraries.requests().filter(r -> !("/harness/slow".equals(r.path)
                && "POST".equals(HttpArbitraries.normalizedMethod(r.method))));
    }

    /** A run's answer: a value, an envelope, a stream, or (for an event-stream client) one error event. */
    private static void assertRunAnswer(HttpResponse response, GeneratedRequest request) throws Throwable {
        if (response.eventStream() != null) {
            assertEquals(200, response.status(), request::toString);
            assertEquals("text/event-stream", header(response, "content-type"), request::toString);
            assertEquals("no-cache", header(response, "cache-control"), request::toString);
            EventStream events = response.eventStream();
            try {
                byte[] frame = Bounded.call(events::nextFrame, LIMIT_MILLIS, request::toString);
                if (frame != null) {
                    assertFrame(new String(frame, StandardCharsets.UTF_8), request);
                }
            } finally {
                events.cancel(); // streams such as /cancel would tick for a minute
            }
            return;
        }
        if ("text/event-stream".equals(header(response, "content-type"))) {
            assertTrue(wantsEventStream(request), () -> "SSE error event for a JSON client: " + request);
            assertEquals(200, response.status(), request::toString);
            String body = bodyOf(response);
            assertTrue(body.startsWith("event: error\ndata: ") && body.endsWith("\n\n"),
                    () -> body + " for " + request);
            assertEnvelope(body.substring("event: error\ndata: ".length(), body.length() - 2), request);
            return;
        }
        assertTrue(response.status() < 400 || !wantsEventStream(request),
                () -> "JSON error for an event-stream client: " + request);
        JsonNode body = assertJson(response, response.status(), request);
        if (response.status() == 400) {
            // Past parsing, only a spill flow on a host without spill storage answers 400 (ENV-SPILL-1).
            assertEquals("unsupported_spill", body.get("error").asText(), request::toString);
        }
    }

    private static void assertFrame(String frame, GeneratedRequest request) throws IOException {
        assertTrue(frame.endsWith("\n\n"), () -> frame + " for " + request);
        if (frame.startsWith("event: error\ndata: ")) {
            String json = frame.substring("event: error\ndata: ".length(), frame.length() - 2);
            assertEnvelope(json, request);
        } else {
            assertTrue(frame.startsWith("data: "), () -> frame + " for " + request);
            assertCompact(frame.substring("data: ".length(), frame.length() - 2), request);
        }
    }

    /** content-type application/json; an error status carries an envelope, a 200 compact JSON. */
    private static JsonNode assertJson(HttpResponse response, int status, GeneratedRequest request) throws IOException {
        assertEquals(status, response.status(), () -> bodyOf(response) + " for " + request);
        assertEquals("application/json", header(response, "content-type"), request::toString);
        String body = bodyOf(response);
        if (status >= 400) {
            return assertEnvelope(body, request);
        }
        assertCompact(body, request);
        return JACKSON.readTree(body);
    }

    private static JsonNode assertEnvelope(String json, GeneratedRequest request) throws IOException {
        JsonNode envelope = JACKSON.readTree(json);
        assertTrue(envelope.isObject() && envelope.path("error").isTextual(),
                () -> "not an envelope: " + json + " for " + request);
        return envelope;
    }

    private static void assertCompact(String json, GeneratedRequest request) {
        try {
            assertEquals(json, JsonWriter.toJson(JsonParser.parse(json)), request::toString);
        } catch (JsonParseException e) {
            fail("not JSON: " + json + " for " + request);
        }
    }

    private static boolean readsBody(GeneratedRequest request) {
        return !("/site/stream".equals(request.path) && "GET".equals(HttpArbitraries.normalizedMethod(request.method)));
    }

    private static String parseError(byte[] body) {
        try {
            JsonParser.parse(body);
            return null;
        } catch (JsonParseException e) {
            return e.getMessage();
        }
    }

    private static boolean wantsEventStream(GeneratedRequest request) {
        return request.headers.stream().anyMatch(h -> HttpArbitraries.asciiEqualsIgnoreCase(h.name(), "accept")
                && h.value().contains("text/event-stream"));
    }

    private static String header(HttpResponse response, String name) {
        return response.headers().stream().filter(h -> h.name().equals(name)).map(Header::value).findFirst()
                .orElse(null);
    }

    private static String bodyOf(HttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
