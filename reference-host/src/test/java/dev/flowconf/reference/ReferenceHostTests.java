package dev.flowconf.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Jetty adapter over real sockets: bytes reach the kernel and come back unchanged. */
class ReferenceHostTests {
    private static ReferenceHost host;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        host = ReferenceHost.start(0);
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(host.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) b.headers(headers);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listensOnLoopbackOnly() {
        assertEquals("127.0.0.1", host.baseUrl().getHost());
    }

    @Test
    void servesS1Echo() throws Exception {
        HttpResponse<String> r = send("POST", "/echo", "{\"value\":\"  HeLLo  \"}");
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
        assertEquals("{\"value\":\"hello\"}", r.body());
        assertTrue(r.headers().firstValue("server").isEmpty(), "no Server header, like the Axum host");
    }

    @Test
    void passesTheAuthHeaderThroughToTheKernel() throws Exception {
        HttpResponse<String> r = send("POST", "/echo", "{\"value\":\"A\"}", "x-auth-user", "{\"sub\":\"u\"}");
        assertEquals("{\"user\":{\"email\":null,\"sub\":\"u\"},\"value\":\"a\"}", r.body());
    }

    @Test
    void passesTheQueryThroughToTheKernelRawAndDecoded() throws Exception {
        HttpResponse<String> r = send("POST", "/meta?x=1&y=%C3%A9&x=2", "{}", "content-type", "application/json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"http.query\":{\"x\":[\"1\",\"2\"],\"y\":[\"é\"]}"), r.body());
        assertTrue(r.body().contains("\"http.query_raw\":\"x=1&y=%C3%A9&x=2\""), r.body());
    }

    @Test
    void emptyBodyReachesTheKernelAsNull() throws Exception {
        HttpResponse<String> r = send("POST", "/echo", null);
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("invalid type: null"), r.body());
    }

    @Test
    void exactBytesSurviveTheRoundTrip() throws Exception {
        HttpResponse<String> r = send("POST", "/harness/echo", "[18446744073709551615,-9223372036854775808,1.10,\"é😀\"]");
        assertEquals("[18446744073709551615,-9223372036854775808,1.1,\"é😀\"]", r.body());
    }
}
