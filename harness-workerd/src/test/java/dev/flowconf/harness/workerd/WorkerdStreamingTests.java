package dev.flowconf.harness.workerd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.wire.RawConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Server-Sent Events from the real Worker in real workerd (SPEC §4 Streams), checked byte for byte. */
class WorkerdStreamingTests {
    private static final String SITE_ALPHA =
            "data: {\"latency_ms\":120,\"site\":\"alpha\",\"stage\":\"snapshot\",\"status\":\"operational\"}\n\n"
            + "data: {\"latency_ms\":132,\"site\":\"alpha\",\"stage\":\"update_0\",\"status\":\"degraded\"}\n\n"
            + "data: {\"latency_ms\":144,\"site\":\"alpha\",\"stage\":\"update_1\",\"status\":\"operational\"}\n\n"
            + "data: {\"latency_ms\":156,\"site\":\"alpha\",\"stage\":\"update_2\",\"status\":\"degraded\"}\n\n"
            + "data: {\"latency_ms\":168,\"site\":\"alpha\",\"stage\":\"update_3\",\"status\":\"operational\"}\n\n"
            + "data: {\"latency_ms\":180,\"site\":\"alpha\",\"stage\":\"update_4\",\"status\":\"degraded\"}\n\n";
    private static final String KEEP_ALIVE = ": keepalive";

    /** SPEC's 15 s keep-alive, so these short streams carry no comments and their bodies are exact. */
    private static RunningWorkerd workerd;
    /** 50 ms keep-alive: s2's 120 ms pauses are long enough to need comments. */
    private static RunningWorkerd quickKeepAlive;

    @BeforeAll
    static void start() throws Exception {
        WorkerdHarness harness = WorkerdHarness.forModuleDir(WorkerdHarness.defaultModuleDir());
        workerd = harness.start();
        quickKeepAlive = harness.withKeepAliveMillis(50).start();
    }

    @AfterAll
    static void stop() {
        for (RunningWorkerd running : new RunningWorkerd[] {workerd, quickKeepAlive}) {
            if (running != null) {
                running.close();
            }
        }
    }

    @Test
    void streamSendsExactlyThreeDataEventsWithTheSseHeadersThenEnds() throws Exception {
        try (RawConnection http = RawConnection.request(workerd.baseUrl(), "GET", "/stream", null)) {
            RawConnection.Head head = http.readHead();
            assertEquals(200, head.status(), head.toString());
            assertEquals(List.of("text/event-stream"), head.fields().get("content-type"), head.toString());
            assertEquals(List.of("no-cache"), head.fields().get("cache-control"), head.toString());
            assertFalse(head.fields().containsKey("connection"), "no hop-by-hop connection header: " + head);
            assertTrue(head.chunked(), head.toString());
            assertEquals("data: {\"chunk\":0}\n\ndata: {\"chunk\":1}\n\ndata: {\"chunk\":2}\n\n", http.readChunkedBody());
        }
    }

    @Test
    void aStreamThatNeverWaitsGoesOutManyFramesAChunkEveryEventWholeAndInOrder() throws Exception {
        try (RawConnection http = RawConnection.request(workerd.baseUrl(), "GET", "/bench/stream", null)) {
            assertEquals(200, http.readHead().status());
            StringBuilder expected = new StringBuilder();
            StringBuilder body = new StringBuilder();
            int chunks = 0;
            for (byte[] chunk = http.readChunk(); chunk != null; chunk = http.readChunk()) {
                String text = new String(chunk, StandardCharsets.UTF_8);
                assertTrue(text.endsWith("\n\n"), "a chunk ends on a whole event: " + text);
                body.append(text);
                chunks++;
            }
            for (int i = 0; i < 10_000; i++) {
                expected.append("data: {\"chunk\":").append(i).append("}\n\n");
            }
            assertEquals(expected.toString(), body.toString());
            // Up to 32 frames a pull (EventStreamBody): one chunk per event cost the platform more than the event.
            assertTrue(chunks <= 10_000 / 32 + 1, chunks + " chunks for 10 000 events");
            System.out.printf("/bench/stream: 10 000 events in %d chunks%n", chunks);
        }
    }

    @Test
    void siteStreamFromTheQuerySendsSixEventsInOrder() throws Exception {
        assertEquals(SITE_ALPHA, body(workerd, "/site/stream?site=alpha"));
    }

    @Test
    void failedItemBecomesAnErrorEventThatEndsTheStream() throws Exception {
        assertEquals("data: {\"chunk\":0}\n\nevent: error\ndata: {\"error\":\"node `stream` failed: boom\"}\n\n",
                body(workerd, "/errors/stream-item"));
    }

    @Test
    void keepAliveCommentsFillTheSilencesBetweenEvents() throws Exception {
        String body = body(quickKeepAlive, "/site/stream?site=alpha");
        List<String> frames = Arrays.asList(body.split("\n\n", -1)); // the body ends with \n\n: last is ""
        assertEquals("", frames.get(frames.size() - 1), body);
        List<String> events = new ArrayList<>();
        int firstKeepAlive = -1;
        for (int i = 0; i < frames.size() - 1; i++) {
            if (frames.get(i).equals(KEEP_ALIVE)) {
                firstKeepAlive = firstKeepAlive < 0 ? i : firstKeepAlive;
            } else {
                events.add(frames.get(i) + "\n\n");
            }
        }
        assertEquals(SITE_ALPHA, String.join("", events), "the six events, in order, between the comments");
        assertTrue(firstKeepAlive > 0 && firstKeepAlive < frames.size() - 2,
                "a keep-alive between the snapshot and the last update:\n" + body);
        System.out.printf("s2 with a 50 ms keep-alive: %d comments between 6 events%n",
                frames.size() - 1 - events.size());
    }

    private static String body(RunningWorkerd running, String path) throws Exception {
        try (RawConnection http = RawConnection.request(running.baseUrl(), "GET", path, null)) {
            RawConnection.Head head = http.readHead();
            assertEquals(200, head.status(), path + " " + head);
            assertEquals(List.of("text/event-stream"), head.fields().get("content-type"), path + " " + head);
            return http.readChunkedBody();
        }
    }
}
