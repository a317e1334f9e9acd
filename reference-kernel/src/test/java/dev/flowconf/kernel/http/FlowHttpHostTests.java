package dev.flowconf.kernel.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowconf.kernel.catalog.ShippedCatalog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowHttpHostTests {
    private final HttpHost host = ShippedCatalog.host();

    private HttpResponse send(String method, String path, String body, String... headerPairs) {
        List<Header> headers = new ArrayList<>();
        for (int i = 0; i < headerPairs.length; i += 2) headers.add(new Header(headerPairs[i], headerPairs[i + 1]));
        return host.handle(new HttpRequest(method, path, null, headers, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String body(HttpResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void valueResultIsCompactJson() {
        HttpResponse r = send("POST", "/echo", "{\"value\":\"  HeLLo  \"}");
        assertEquals(200, r.status());
        assertEquals("application/json", r.headers().get(0).value());
        assertEquals("{\"value\":\"hello\"}", body(r));
    }

    @Test
    void invalidJsonIs400WithSerdesMessage() {
        HttpResponse r = send("POST", "/echo", "{\"value\":");
        assertEquals(400, r.status());
        assertEquals("{\"error\":\"EOF while parsing a value at line 1 column 9\"}", body(r));
    }

    @Test
    void emptyBodyIsANullPayload() {
        HttpResponse r = send("POST", "/echo", "");
        assertEquals(500, r.status());
        assertEquals("{\"error\":\"node `trigger` failed: failed to deserialize node input: invalid type: null, expected struct EchoRequest\"}", body(r));
    }

    @Test
    void unknownRouteIs404AndWrongMethod405WithAllow() {
        HttpResponse missing = send("POST", "/nope", "{");
        assertEquals(404, missing.status());
        assertEquals("{\"error\":\"route not found\"}", body(missing), "the body is never read for an unknown route");
        HttpResponse wrong = send("GET", "/echo", "");
        assertEquals(405, wrong.status());
        assertEquals("POST", wrong.headers().get(1).value());
    }

    @Test
    void lowerCaseStandardMethodsAreNormalizedLikeFetchDoes() {
        assertEquals(200, send("post", "/echo", "{\"value\":\"x\"}").status());
    }

    /** Regression (RequestMappingFuzzTests): Fetch matches ASCII case only; U+017F upper-cases to S in Java. */
    @Test
    void nonAsciiLookAlikesOfStandardMethodsAreNotNormalized() {
        assertEquals(405, send("po\u017Ft", "/echo", "{\"value\":\"x\"}").status());
        assertEquals(405, send("opt\u0131ons", "/echo", "").status());
    }

    @Test
    void executionErrorsGoToEventStreamClientsAsOneErrorEvent() {
        HttpResponse r = send("POST", "/echo", "{}", "accept", "text/plain, text/event-stream;q=0.9");
        assertEquals(200, r.status());
        assertEquals("text/event-stream", r.headers().get(0).value());
        assertEquals("event: error\ndata: {\"error\":\"node `trigger` failed: failed to deserialize node input: missing field `value`\"}\n\n",
                body(r));
    }

    @Test
    void parseErrorsStay400EvenForEventStreamClients() {
        assertEquals(400, send("POST", "/echo", "nope", "accept", "text/event-stream").status());
    }

    @Test
    void authUserHeaderReachesTheS1Responder() {
        HttpResponse r = send("POST", "/echo", "{\"value\":\"World\"}",
                "x-auth-user", "{\"sub\":\"user-42\",\"email\":\"user42@example.com\"}");
        assertEquals("{\"user\":{\"email\":\"user42@example.com\",\"sub\":\"user-42\"},\"value\":\"world\"}", body(r));
    }

    @Test
    void harnessEchoReturnsThePayloadUnchanged() {
        HttpResponse r = send("POST", "/harness/echo", "{\"n\":18446744073709551615,\"m\":-9223372036854775808,\"d\":1.10}");
        assertEquals("{\"d\":1.1,\"m\":-9223372036854775808,\"n\":18446744073709551615}", body(r));
    }

    private static String frames(EventStream events) {
        StringBuilder out = new StringBuilder();
        for (byte[] f = events.nextFrame(); f != null; f = events.nextFrame()) out.append(new String(f, StandardCharsets.UTF_8));
        return out.toString();
    }

    @Test
    void aStreamResultIsAnEventStreamOfDataFrames() {
        HttpResponse r = send("GET", "/stream", "");
        assertEquals(200, r.status());
        assertEquals("text/event-stream", r.headers().get(0).value());
        assertEquals("no-cache", r.headers().get(1).value());
        assertEquals("data: {\"chunk\":0}\n\ndata: {\"chunk\":1}\n\ndata: {\"chunk\":2}\n\n", frames(r.eventStream()));
    }

    @Test
    void anEventSourceReachesS2ThroughTheQueryString() {
        HttpRequest get = new HttpRequest("GET", "/site/stream", "site=alpha", List.of(), new byte[0]);
        String events = frames(host.handle(get).eventStream());
        assertEquals(6, events.split("\n\n").length, events);
        assertEquals(true, events.startsWith("data: {\"latency_ms\":120,\"site\":\"alpha\",\"stage\":\"snapshot\""), events);
    }

    @Test
    void framesAppendedToOneBufferAreTheFramesOneByOne() {
        StringBuilder appended = new StringBuilder("kept|");
        EventStream stream = send("GET", "/stream", "").eventStream();
        while (stream.appendNextFrame(appended)) {
            appended.append('|');
        }
        assertEquals("kept|data: {\"chunk\":0}\n\n|data: {\"chunk\":1}\n\n|data: {\"chunk\":2}\n\n|", appended.toString());
        assertFalse(stream.appendNextFrame(appended), "still ended");
        StringBuilder failed = new StringBuilder();
        EventStream failing = send("GET", "/errors/stream-item", "").eventStream();
        while (failing.appendNextFrame(failed)) {
            failed.append('|');
        }
        assertEquals(frames(send("GET", "/errors/stream-item", "").eventStream()), failed.toString().replace("|", ""),
                "the error frame too, then the end");
    }

    @Test
    void theProbeCountsRunsAndSeesACancelledStreamStop() throws Exception {
        HttpResponse r = send("GET", "/cancel", "");
        assertEquals("data: {\"chunk\":0}\n\n", new String(r.eventStream().nextFrame(), StandardCharsets.UTF_8));
        r.eventStream().cancel();
        String probe = "";
        for (int i = 0; i < 100; i++) {
            probe = body(send("GET", FlowHttpHost.PROBE_PATH, ""));
            if (probe.contains("\"active\":0")) break;
            Thread.sleep(10);
        }
        assertEquals("{\"active\":0,\"cancelled\":1,\"completed\":0,\"started\":1}", probe);
    }

    @Test
    void everyErrorRouteAnswersItsEnvelope() {
        assertEquals("{\"error\":\"node `fails` failed: boom\"}", body(send("POST", "/errors/node-failure", "")));
        assertEquals("{\"error\":\"capture `capture` produced no output\"}", body(send("POST", "/errors/missing-output", "")));
        assertEquals("{\"error\":\"unknown trigger alias `nope`\"}", body(send("POST", "/errors/unknown-trigger", "1")));
        assertEquals("{\"error\":\"unknown capture alias `nope`\"}", body(send("POST", "/errors/unknown-capture", "1")));
        assertEquals("{\"error\":\"no handler registered for node `errors::not_registered`\"}",
                body(send("POST", "/errors/unregistered-node", "")));
        assertEquals("CTRL110", code(send("POST", "/errors/invalid-switch", "")));
        assertEquals("CTRL120", code(send("POST", "/errors/invalid-if", "")));
        assertEquals("CAP101", code(send("POST", "/preflight", "{}")));
        assertEquals("CTRL901", code(send("POST", "/unsupported", "{}")));
        HttpResponse deadline = send("POST", "/errors/deadline", "");
        assertEquals(504, deadline.status());
        HttpResponse cancelled = send("POST", "/errors/cancelled", "");
        assertEquals(503, cancelled.status());
        assertEquals("{\"error\":\"execution cancelled\"}", body(cancelled));
        HttpResponse spill = send("POST", "/errors/unsupported-spill", "{\"batch_id\":\"b\",\"items\":[]}");
        assertEquals(400, spill.status());
        assertEquals("{}", body(send("POST", "/preflight/kv", "{}")));
    }

    private static String code(HttpResponse r) {
        assertEquals(500, r.status());
        String b = body(r);
        return b.substring(b.indexOf("\"code\":\"") + 8, b.indexOf('"', b.indexOf("\"code\":\"") + 8));
    }

    @Test
    void metadataCarriesHttpAuthAndLfKeys() {
        HttpRequest r = new HttpRequest("POST", "/meta", "foo=bar&foo=baz&sp=a+b%21&flag", List.of(
                new Header("Host", "localhost"), new Header("X-Custom", "xyz"), new Header("x-custom", "abc"),
                new Header("x-auth-user", "{\"sub\":\"user-123\"}"), new Header("x-request-id", "req-1"),
                new Header("x-event-id", "ev-1"), new Header("x-idempotency-key", "k-1"), new Header("user-agent", "ua")),
                new byte[0]);
        String meta = body(host.handle(r));
        String expectedPrefix = "{\"extensions\":{\"auth.user\":{\"sub\":\"user-123\"},"
                + "\"http.headers\":{\"x-auth-user\":[\"{\\\"sub\\\":\\\"user-123\\\"}\"],\"x-custom\":[\"xyz, abc\"],"
                + "\"x-event-id\":[\"ev-1\"],\"x-idempotency-key\":[\"k-1\"],\"x-request-id\":[\"req-1\"]},"
                + "\"http.query\":{\"flag\":[\"\"],\"foo\":[\"bar\",\"baz\"],\"sp\":[\"a b!\"]}},"
                + "\"labels\":{\"http.host\":\"localhost\",\"http.method\":\"POST\",\"http.path\":\"/meta\","
                + "\"http.query_raw\":\"foo=bar&foo=baz&sp=a+b%21&flag\",\"lf.capture_alias\":\"meta\","
                + "\"lf.event_id\":\"ev-1\",\"lf.flow_id\":\"" + dev.flowconf.kernel.catalog.MetadataEchoFlow.ID + "\","
                + "\"lf.idem_key\":\"k-1\",\"lf.request_id\":\"req-1\",\"lf.run_id\":\"";
        assertEquals(expectedPrefix, meta.substring(0, Math.min(meta.length(), expectedPrefix.length())), meta);
    }

    /** The Workers adapter hands over the Header[] it built; the kernel must read it as it reads a List. */
    @Test
    void aRequestMadeFromAFieldArrayAnswersAsOneMadeFromAList() {
        Header[] fields = {new Header("Host", "localhost"), new Header("x-custom", "xyz"), new Header("X-Custom", "abc"),
            new Header("x-request-id", "req-1"), new Header("accept", "text/plain, text/event-stream;q=0.9")};
        HttpRequest fromArray = new HttpRequest("POST", "/meta", "a=1", fields, RequestBody.of(new byte[0]), null);
        HttpRequest fromList = new HttpRequest("POST", "/meta", "a=1", List.of(fields), new byte[0]);
        assertEquals(List.of(fields), fromArray.headers());
        assertThrows(UnsupportedOperationException.class, () -> fromArray.headers().set(0, fields[1]));
        assertEquals(withoutRunId(body(host.handle(fromList))), withoutRunId(body(host.handle(fromArray))));
        // the Accept field read from the array: an execution error goes out as an event stream
        HttpRequest failing = new HttpRequest("POST", "/echo", null, fields,
                RequestBody.of("{}".getBytes(StandardCharsets.UTF_8)), null);
        assertEquals("text/event-stream", host.handle(failing).headers().get(0).value());
    }

    private static String withoutRunId(String meta) {
        return meta.replaceAll("\"lf\\.run_id\":\"[^\"]*\"", "");
    }

    private static final String BODY_TOO_LARGE =
            "{\"code\":\"BODY_TOO_LARGE\",\"details\":{\"limit_bytes\":1048576},\"error\":\"request body exceeds 1048576 bytes\"}";
    private static final String HEADERS_TOO_LARGE =
            "{\"code\":\"HEADERS_TOO_LARGE\",\"details\":{\"limit_bytes\":32768},"
                    + "\"error\":\"request header fields exceed 32768 bytes\"}";

    private HttpResponse sendTooLargeBody(String method, String path, Header... headers) {
        return host.handle(new HttpRequest(method, path, null, List.of(headers), RequestBody.tooLarge(), null));
    }

    @Test
    void aBodyPastTheLimitIs413AsJsonEvenForAnEventStreamClient() {
        HttpResponse r = sendTooLargeBody("POST", "/site/stream", new Header("accept", "text/event-stream"));
        assertEquals(413, r.status());
        assertEquals("application/json", r.headers().get(0).value());
        assertEquals(BODY_TOO_LARGE, body(r));
    }

    @Test
    void aBodyPastTheLimitIsLookedAtOnlyAfterRouting() {
        assertEquals(404, sendTooLargeBody("POST", "/nowhere").status());
        assertEquals(405, sendTooLargeBody("PUT", "/echo").status());
        assertEquals(200, sendTooLargeBody("GET", FlowHttpHost.PROBE_PATH).status(), "the probe reads no body");
    }

    @Test
    void aBodyOfExactlyTheLimitIsParsed() {
        String json = "{\"value\":\"  At The Limit\"}";
        String padded = json + " ".repeat(FlowHttpHost.MAX_BODY_BYTES - json.length());
        HttpResponse r = send("POST", "/echo", padded);
        assertEquals(200, r.status());
        assertEquals("{\"value\":\"at the limit\"}", body(r));
    }

    @Test
    void tenThousandNestedArraysAre400AtTheRecursionLimit() {
        HttpResponse r = send("POST", "/harness/echo", "[".repeat(10_000));
        assertEquals(400, r.status());
        assertEquals("{\"error\":\"recursion limit exceeded at line 1 column 128\"}", body(r));
    }

    @Test
    void headerFieldsPastTheLimitAre431BeforeRoutingAndAsJson() {
        // name (6) + value + 4 = 32 769 bytes: one past the limit
        String value = "a".repeat(FlowHttpHost.MAX_HEADER_BYTES - 6 - 4 + 1);
        HttpResponse r = send("GET", "/nowhere", "", "x-long", value, "accept", "text/event-stream");
        assertEquals(431, r.status());
        assertEquals("application/json", r.headers().get(0).value());
        assertEquals(HEADERS_TOO_LARGE, body(r));
        assertEquals(HEADERS_TOO_LARGE, body(FlowHttpHost.headersTooLarge()), "what an adapter answers for its platform");
    }

    @Test
    void headerFieldsAtTheLimitAndManySmallOnesAreServed() {
        String value = "a".repeat(FlowHttpHost.MAX_HEADER_BYTES - 6 - 4);
        assertEquals(200, send("GET", "/health", "", "x-long", value).status());
        String[] many = new String[400];
        for (int i = 0; i < 200; i++) {
            many[2 * i] = "x-h-" + i;
            many[2 * i + 1] = "v";
        }
        assertEquals(200, send("GET", "/health", "", many).status());
    }

    @Test
    void theHeaderSectionCountsNameValueAndFourBytesPerField() {
        HttpRequest r = new HttpRequest("GET", "/", null,
                List.of(new Header("host", "localhost"), new Header("x-a", ""), new Header("x-a", "1")), new byte[0]);
        assertEquals((4 + 9 + 4) + (3 + 0 + 4) + (3 + 1 + 4), r.headerSectionLength());
    }

    /** Regression (MetadataEchoPropertyTests): an encoded surrogate is three U+FFFD, as upstream decodes it. */
    @Test
    void queryBytesThatAreNotUtf8AreReplacedAsRustDoes() {
        HttpRequest r = new HttpRequest("GET", "/meta", "%ED%A0%80", List.of(), new byte[0]);
        String meta = body(host.handle(r));
        assertEquals(true, meta.startsWith("{\"extensions\":{\"http.query\":{\"\uFFFD\uFFFD\uFFFD\":[\"\"]}}"), meta);
    }

    /**
     * Regression (MetadataEchoPropertyTests): a header sent as two fields is read joined, as a Worker reads it,
     * so `lf.*` and `auth.user` agree with `http.headers` and with the Workers host.
     */
    @Test
    void repeatedFieldsAreReadJoinedAsTheFetchApiJoinsThem() {
        HttpRequest r = new HttpRequest("GET", "/meta", null, List.of(new Header("x-idempotency-key", "a"),
                new Header("X-Idempotency-Key", "b"), new Header("x-auth-user", "{\"sub\":\"u\"}"),
                new Header("x-auth-user", "{}")), new byte[0]);
        String meta = body(host.handle(r));
        assertEquals(true, meta.contains("\"lf.idem_key\":\"a, b\""), meta);
        assertEquals(true, meta.contains("\"http.headers\":{\"x-auth-user\":[\"{\\\"sub\\\":\\\"u\\\"}, {}\"],"), meta);
        assertEquals(false, meta.contains("auth.user"), "the joined x-auth-user is not JSON: " + meta);
    }
}
