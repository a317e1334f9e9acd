package dev.flowconf.wire;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Reads a host's run probe, {@code GET /__flowconf/runs} (SPEC.md PROBE-1), strictly: an answer that is not
 * PROBE-1's is an error, not a guess. Safe from any thread.
 *
 * <p>The JDK's client, not the browser's that replays cases: the probe is an instrument, not a case, and must read
 * the host the moment it is asked, not queued behind a case's 600 ms stream.
 */
public final class RunProbe {
    public static final String PATH = "/__flowconf/runs";
    /** How long a read may take unless told otherwise: the probe answers at once on any working host. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(DEFAULT_TIMEOUT)
            .build();

    private final URI url;
    private final Duration timeout;

    /**
     * @param url the probe's whole URL (a host served under a path prefix has it there too)
     * @param timeout the most one read may take, answer included
     */
    public RunProbe(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
    }

    /** The probe of a host served at the root of {@code base}, reads bounded by {@link #DEFAULT_TIMEOUT}. */
    public static RunProbe of(URI base) {
        return new RunProbe(base.resolve(PATH), DEFAULT_TIMEOUT);
    }

    /** The counts now; throws {@link UnusableProbe} when there is no answer or it is not PROBE-1's. */
    public RunCounts read() {
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UnusableProbe("no answer: " + e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnusableProbe("interrupted while reading it");
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String contentType = String.join(", ", response.headers().allValues("content-type"));
        if (response.statusCode() != 200 || !contentType.equals("application/json")) {
            throw new UnusableProbe("answered " + response.statusCode() + " "
                    + (contentType.isEmpty() ? "(none)" : contentType) + " " + body);
        }
        return RunCounts.parse(body).orElseThrow(() -> new UnusableProbe(
                "answered " + body + ", not {\"active\":A,\"cancelled\":C,\"completed\":D,\"started\":S}"));
    }

    /** Reads every 5 ms until the counts satisfy {@code until}; the last counts if they never do within {@code limit}. */
    public RunCounts await(Predicate<RunCounts> until, Duration limit) throws InterruptedException {
        return await(until, limit, Duration.ofMillis(5));
    }

    /** Reads every {@code every} until the counts satisfy {@code until}; the last counts if not within {@code limit}. */
    public RunCounts await(Predicate<RunCounts> until, Duration limit, Duration every) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        RunCounts runs = read();
        while (!until.test(runs) && System.nanoTime() < deadline) {
            Thread.sleep(every.toMillis());
            runs = read();
        }
        return runs;
    }

    /** The probe cannot be read, or its answer breaks PROBE-1; the message says how. */
    public static final class UnusableProbe extends RuntimeException {
        private final boolean noAnswer;

        UnusableProbe(String message) {
            this(message, false);
        }

        UnusableProbe(String message, boolean noAnswer) {
            super(message);
            this.noAnswer = noAnswer;
        }

        /** The host did not answer the probe at all (as opposed to answering it wrongly). */
        public boolean isNoAnswer() {
            return noAnswer;
        }
    }
}
