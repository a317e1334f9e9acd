package dev.flowconf.kernel.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
