package dev.flowconf.harness.workerd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.wire.RawConnection;
import dev.flowconf.wire.RunCounts;
import dev.flowconf.wire.RunProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that leaves stops its run (SPEC CANCEL-1, CANCEL-2), as the run probe shows from outside, and the
 * Worker goes on serving. The probe counts are the isolate's, so each test compares with its own baseline.
 */
class WorkerdCancellationTests {
    private static final Duration EVENTUALLY = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static RunningWorkerd workerd;

    @BeforeAll
    static void start() throws Exception {
        workerd = WorkerdHarness.forModuleDir(WorkerdHarness.defaultModuleDir()).start();
    }

    @AfterAll
    static void stop() {
        if (workerd != null) {
            workerd.close();
        }
    }

    @Test
    void leavingAStreamCancelsItsRun() throws Exception {
        URI base = workerd.baseUrl();
        RunCounts before = RunProbe.of(base).read();
        long left;
        try (RawConnection http = RawConnection.request(base, "GET", "/cancel", null)) {
            assertEquals(200, http.readHead().status());
            StringBuilder seen = new StringBuilder();
            while (seen.indexOf("data: ") < 0) {
                seen.append(new String(http.readChunk(), StandardCharsets.UTF_8));
            }
            left = System.nanoTime();
        } // a graceful close: workerd notices at its next write, the next 100 ms tick (or a keep-alive)

        RunCounts after = RunProbe.of(base).await(runs -> runs.active() == 0 && runs.cancelled() > before.cancelled(),
                EVENTUALLY);
        System.out.printf("/cancel stream: probe shows the run cancelled %d ms after the client closed%n",
                Duration.ofNanos(System.nanoTime() - left).toMillis());
        assertEquals(0, after.active(), "no run active: " + after + log());
        assertEquals(before.cancelled() + 1, after.cancelled(), "the run counted as cancelled: " + after + log());
        assertStillServes(base);
    }

    @Test
    void leavingAValueRunCancelsIt() throws Exception {
        URI base = workerd.baseUrl();
        RunCounts before = RunProbe.of(base).read();
        long left;
        try (RawConnection http = RawConnection.request(base, "POST", "/harness/slow", "{}")) {
            RunCounts running = RunProbe.of(base).await(runs -> runs.started() > before.started(), EVENTUALLY);
            assertEquals(before.active() + 1, running.active(), "the 2 s run started: " + running + log());
            left = System.nanoTime();
            // Abortive: workerd sees a reset connection at once, a graceful close only when it writes the answer.
            http.reset();
        }

        RunCounts after = RunProbe.of(base).await(runs -> runs.active() == 0 && runs.cancelled() > before.cancelled(),
                EVENTUALLY);
        System.out.printf("/harness/slow value run: probe shows it cancelled %d ms after the client reset%n",
                Duration.ofNanos(System.nanoTime() - left).toMillis());
        assertEquals(0, after.active(), "no run active: " + after + log());
        assertEquals(before.cancelled() + 1, after.cancelled(), "the run counted as cancelled: " + after + log());
        assertEquals(before.completed(), after.completed(), "it did not run to its end: " + after + log());
        assertStillServes(base);
    }

    private static void assertStillServes(URI base) throws Exception {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(base.resolve("/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body() + log());
        assertEquals("{\"status\":\"ok\"}", health.body());
    }

    private static String log() {
        return "\nworkerd log:\n" + RunningWorkerd.tail(workerd.logFile());
    }
}
