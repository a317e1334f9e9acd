package dev.flowconf.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowconf.kernel.http.FlowHttpHost;
import dev.flowconf.wire.RawConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the Jetty adapter adds to the kernel's limits (SPEC.md §3a) and header reading: it answers
 * without reading what it must not hold, and what Jetty itself refuses gets the kernel's envelope.
 */
class LimitsTests {
    private static final String BODY_TOO_LARGE =
            "{\"code\":\"BODY_TOO_LARGE\",\"details\":{\"limit_bytes\":1048576},\"error\":\"request body exceeds 1048576 bytes\"}";
    private static final String HEADERS_TOO_LARGE =
            "{\"code\":\"HEADERS_TOO_LARGE\",\"details\":{\"limit_bytes\":32768},\"error\":\"request header fields exceed 32768 bytes\"}";

    private static ReferenceHost host;

    @BeforeAll
    static void start() throws Exception {
        host = ReferenceHost.start(0);
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    @Test
    void aDeclaredLengthPastTheLimitIsAnsweredWithoutReadingABody() throws Exception {
        try (RawConnection client = RawConnection.open(host.baseUrl(), Duration.ofSeconds(20))) {
            // No body follows: a host that tried to read it would wait until the client's timeout.
            client.sendRaw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n");
            RawConnection.Head head = client.readHead();
            assertEquals(413, head.status());
            assertEquals("application/json", head.first("content-type"));
            assertEquals(BODY_TOO_LARGE, client.readBody(head));
        }
    }

    @Test
    void aChunkedBodyIsReadOnlyUntilItPassesTheLimit() throws Exception {
        try (RawConnection client = RawConnection.open(host.baseUrl(), Duration.ofSeconds(20))) {
            client.sendRaw("POST /harness/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = "[".repeat(64 * 1024);
            for (int sent = 0; sent <= FlowHttpHost.MAX_BODY_BYTES; sent += chunk.length()) {
                client.sendRaw(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
            }
            // The last chunk is never sent: the answer must come from what passed the limit.
            RawConnection.Head head = client.readHead();
            assertEquals(413, head.status());
            assertEquals(BODY_TOO_LARGE, client.readBody(head));
        }
    }

    @Test
    void headerFieldsPastTheKernelsLimitGet431FromTheKernel() throws Exception {
        assertHeadersTooLarge(40 * 1024);
    }

    @Test
    void aHeadPastJettysOwnLimitGetsTheKernelsEnvelopeFromTheErrorHandler() throws Exception {
        assertHeadersTooLarge(ReferenceHost.REQUEST_HEAD_BYTES + 1024);
    }

    private static void assertHeadersTooLarge(int valueLength) throws Exception {
        try (RawConnection client = RawConnection.open(host.baseUrl(), Duration.ofSeconds(20))) {
            client.send("GET", "/health", null, "X-Long: " + "a".repeat(valueLength), "Accept: text/event-stream");
            RawConnection.Head head = client.readHead();
            assertEquals(431, head.status());
            assertEquals("application/json", head.first("content-type"));
            assertEquals(HEADERS_TOO_LARGE, client.readBody(head));
        }
    }

    @Test
    void aMalformedRequestGetsAJsonEnvelopeNotJettysPage() throws Exception {
        try (RawConnection client = RawConnection.open(host.baseUrl(), Duration.ofSeconds(20))) {
            client.sendRaw("GET /health HTTP/1.1\r\nHost: x\r\nX Bad: 1\r\n\r\n");
            RawConnection.Head head = client.readHead();
            assertEquals(400, head.status());
            assertEquals("application/json", head.first("content-type"));
            assertEquals("{\"error\":\"bad request\"}", client.readBody(head));
        }
    }

    @Test
    void headerBytesAreReadAsUtf8() throws Exception {
        try (RawConnection client = RawConnection.open(host.baseUrl(), Duration.ofSeconds(20))) {
            client.send("GET", "/meta", null, "X-City: Zürich €"); // sent as UTF-8 bytes
            RawConnection.Head head = client.readHead();
            String meta = client.readBody(head);
            assertEquals("{\"extensions\":{\"http.headers\":{\"x-city\":[\"Zürich €\"]}}",
                    meta.substring(0, meta.indexOf(",\"labels\"")));
        }
    }

    @Test
    void utf8ReadsIsoLatin1CharactersAsTheBytesTheyWere() {
        String utf8Bytes = new String("Zürich €".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals("Zürich €", JettyFlowHandler.utf8(utf8Bytes));
        assertEquals("caf\uFFFD", JettyFlowHandler.utf8("caf\u00e9"), "a lone Latin-1 byte is no UTF-8");
        assertEquals("plain ascii", JettyFlowHandler.utf8("plain ascii"));
        assertEquals("€ already", JettyFlowHandler.utf8("€ already"), "chars past 0xFF are not bytes");
    }

    @Test
    void aFieldValueIsNeverTakenFromAnotherRequestThatDifferedInCase() throws Exception {
        try (RawConnection client = RawConnection.open(host.baseUrl(), Duration.ofSeconds(20))) {
            client.send("POST", "/errors/node-failure", "{}", "Accept: TEXT/EVENT-STREAM");
            RawConnection.Head first = client.readHead();
            client.readBody(first);
            client.send("POST", "/errors/node-failure", "{}", "Accept: text/event-stream");
            RawConnection.Head second = client.readHead();
            assertEquals(500, first.status(), "TEXT/EVENT-STREAM does not contain text/event-stream (SSE-ERROR-1)");
            assertEquals(200, second.status(), "the same connection's next request asks in lower case");
            assertEquals("text/event-stream", second.first("content-type"));
        }
    }
}
