package dev.flowconf.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.wire.RawConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that leaves cancels its run (CANCEL-1, CANCEL-2), seen from outside through the probe,
 * and the watch that notices it leaves well-behaved connections alone. The latencies printed are
 * for information; only the eventual state is asserted.
 */
class DisconnectTests {
    /** CANCEL-1's bound with SPEC's 15 s keep-alive: the interval plus one second. */
    private static final long CANCEL_1_BOUND_MILLIS = 16_000;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static ReferenceHost host;

    @BeforeAll
    static void start() throws Exception {
        host = ReferenceHost.start(0);
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    /** A failed or abandoned write never takes the host down. */
    @AfterEach
    void hostStillAnswersHealth() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(host.baseUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"ok\"}", r.body());
    }

    private static Probe awaitCancelled(Probe before, long boundMillis, String what, long closedAt) throws Exception {
        Probe after = Probe.await(host.baseUrl(), boundMillis, p -> p.active == 0 && p.cancelled > before.cancelled);
        System.out.printf("%s: probe showed the run cancelled %d ms after the client closed (%s)%n",
                what, (System.nanoTime() - closedAt) / 1_000_000, after);
        assertEquals(0, after.active, after.toString());
        assertEquals(before.cancelled + 1, after.cancelled, after.toString());
        return after;
    }

    @Test
    void streamClientThatLeavesCancelsTheRun() throws Exception {
        Probe before = Probe.read(host.baseUrl());
        long closedAt;
        try (RawConnection c = RawConnection.open(host.baseUrl(), Duration.ofSeconds(20))) {
            c.send("GET", "/cancel", null).readHead();
            assertEquals("data: {\"chunk\":0}\n\n", c.readEvent());
            closedAt = System.nanoTime();
        }
        Probe after = awaitCancelled(before, CANCEL_1_BOUND_MILLIS, "CANCEL-1 /cancel", closedAt);
        assertEquals(before.completed, after.completed, "the minute-long stream did not run to its end");
    }

    @Test
    void valueRunClientThatLeavesCancelsTheRun() throws Exception {
        Probe before = Probe.read(host.baseUrl());
        long closedAt;
        try (RawConnection c = RawConnection.open(host.baseUrl(), Duration.ofSeconds(20))) {
            c.send("POST", "/harness/slow", "{}");
            Thread.sleep(100); // the 2 s node is now running
            closedAt = System.nanoTime();
        }
        Probe after = awaitCancelled(before, 5_000, "CANCEL-2 /harness/slow", closedAt);
        assertEquals(before.completed, after.completed, "the slow node was cancelled, not completed");
    }

    @Test
    void clientThatLeavesAfterPipeliningIsStillNoticedByAFailedWrite() throws Exception {
        // A pipelined byte ends the watch (it belongs to the next request), so only a failed
        // frame write can tell that this client left: the write path cancels on its own.
        Probe before = Probe.read(host.baseUrl());
        long closedAt;
        try (RawConnection c = RawConnection.open(host.baseUrl(), Duration.ofSeconds(20))) {
            c.send("GET", "/cancel", null).readHead();
            c.readEvent();
            c.sendRaw("G");
            assertEquals("data: {\"chunk\":1}\n\n", c.readEvent());
            closedAt = System.nanoTime();
        }
        awaitCancelled(before, CANCEL_1_BOUND_MILLIS, "failed write after pipelining", closedAt);
    }

    @Test
    void pipelinedRequestIsAnsweredAfterTheStream() throws Exception {
        try (RawConnection c = RawConnection.open(host.baseUrl(), Duration.ofSeconds(20))) {
            c.send("GET", "/site/stream?site=alpha", null).readHead();
            c.readEvent(); // the stream is running and watched when the next request arrives
            c.send("GET", "/health", null);
            String stream = c.readChunkedBody();
            assertTrue(stream.endsWith("\"stage\":\"update_4\",\"status\":\"degraded\"}\n\n"), stream);
            RawConnection.Head head = c.readHead();
            assertEquals(200, head.status());
            assertEquals("{\"status\":\"ok\"}", c.readBody(head));
        }
    }

    @Test
    void connectionIsReusableAfterAWatchedValueRun() throws Exception {
        // S3 branches, so its run goes through the task executor, which may wait: the watch is on during it.
        String body = "{\"flag\":true,\"mode\":\"a\"}";
        try (RawConnection c = RawConnection.open(host.baseUrl(), Duration.ofSeconds(20))) {
            RawConnection.Head first = c.send("POST", "/branch", body).readHead();
            assertEquals(200, first.status());
            assertTrue(c.readBody(first).contains("\"branch\":\"then\""));
            RawConnection.Head second = c.send("POST", "/branch", body).readHead();
            assertEquals(200, second.status());
            assertTrue(c.readBody(second).contains("\"branch\":\"then\""));
        }
    }

    @Test
    void connectionIsReusableAfterAnAnswerMadeWithoutWaiting() throws Exception {
        // The harness echo runs inline, so it is answered without the watch.
        try (RawConnection c = RawConnection.open(host.baseUrl(), Duration.ofSeconds(20))) {
            RawConnection.Head first = c.send("POST", "/harness/echo", "[1]").readHead();
            assertEquals("[1]", c.readBody(first));
            RawConnection.Head second = c.send("POST", "/harness/echo", "[2]").readHead();
            assertEquals(200, second.status());
            assertEquals("[2]", c.readBody(second));
        }
    }
}
