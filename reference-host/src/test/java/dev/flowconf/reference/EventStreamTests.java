package dev.flowconf.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.wire.RawConnection;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stream results as Server-Sent Events over real sockets (SPEC.md §4 "Streams"). */
class EventStreamTests {
    private static final String S2_ALPHA =
            "data: {\"latency_ms\":120,\"site\":\"alpha\",\"stage\":\"snapshot\",\"status\":\"operational\"}\n\n"
            + "data: {\"latency_ms\":132,\"site\":\"alpha\",\"stage\":\"update_0\",\"status\":\"degraded\"}\n\n"
            + "data: {\"latency_ms\":144,\"site\":\"alpha\",\"stage\":\"update_1\",\"status\":\"operational\"}\n\n"
            + "data: {\"latency_ms\":156,\"site\":\"alpha\",\"stage\":\"update_2\",\"status\":\"degraded\"}\n\n"
            + "data: {\"latency_ms\":168,\"site\":\"alpha\",\"stage\":\"update_3\",\"status\":\"operational\"}\n\n"
            + "data: {\"latency_ms\":180,\"site\":\"alpha\",\"stage\":\"update_4\",\"status\":\"degraded\"}\n\n";
    private static final String KEEP_ALIVE = ": keepalive\n\n";

    private static ReferenceHost host;

    @BeforeAll
    static void start() throws Exception {
        host = ReferenceHost.start(0); // SPEC's 15 s keep-alive: none of these streams is silent that long
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    private static String body(ReferenceHost on, String path) throws Exception {
        try (RawConnection c = RawConnection.open(on.baseUrl(), Duration.ofSeconds(20))) {
            RawConnection.Head head = c.send("GET", path, null).readHead();
            assertEquals(200, head.status());
            return c.readChunkedBody();
        }
    }

    @Test
    void harnessStreamIsExactlyThreeFramesWithTheSseHeaders() throws Exception {
        try (RawConnection c = RawConnection.open(host.baseUrl(), Duration.ofSeconds(20))) {
            RawConnection.Head head = c.send("GET", "/stream", null).readHead();
            assertEquals(200, head.status());
            assertEquals("text/event-stream", head.first("content-type"));
            assertEquals("no-cache", head.first("cache-control"));
            assertFalse(head.fields().containsKey("connection"), "connection is hop-by-hop; the Axum host omits it");
            assertEquals("data: {\"chunk\":0}\n\ndata: {\"chunk\":1}\n\ndata: {\"chunk\":2}\n\n", c.readChunkedBody());
        }
    }

    @Test
    void siteStreamGivesTheSixS2EventsInOrder() throws Exception {
        assertEquals(S2_ALPHA, body(host, "/site/stream?site=alpha"));
    }

    @Test
    void failedItemIsAnErrorEventAndTheStreamEnds() throws Exception {
        assertEquals("data: {\"chunk\":0}\n\nevent: error\ndata: {\"error\":\"node `stream` failed: boom\"}\n\n",
                body(host, "/errors/stream-item"));
    }

    @Test
    void framesReachTheClientWhileTheStreamRuns() throws Exception {
        // /cancel streams for a minute: seeing its first ticks proves frames are not held back.
        try (RawConnection c = RawConnection.open(host.baseUrl(), Duration.ofSeconds(20))) {
            c.send("GET", "/cancel", null).readHead();
            assertEquals("data: {\"chunk\":0}\n\n", c.readEvent());
            assertEquals("data: {\"chunk\":1}\n\n", c.readEvent());
        }
    }

    @Test
    void silenceLongerThanTheKeepAliveIntervalGetsKeepAliveComments() throws Exception {
        // s2 pauses 120 ms between updates; with a 50 ms interval the pauses carry comments.
        try (ReferenceHost shortKeepAlive = ReferenceHost.start(0, 50)) {
            String body = body(shortKeepAlive, "/site/stream?site=alpha");
            assertTrue(body.contains(KEEP_ALIVE), body);
            assertEquals(S2_ALPHA, body.replace(KEEP_ALIVE, ""), "comments fall between events, never inside one");
        }
    }
}
