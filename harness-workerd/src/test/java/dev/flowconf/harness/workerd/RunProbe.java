package dev.flowconf.harness.workerd;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The run counts of {@code GET /__flowconf/runs} (PROBE-1), read and awaited from outside the Worker. */
record RunProbe(long active, long cancelled, long completed, long started) {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static RunProbe read(URI base) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/__flowconf/runs"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("probe answered " + response.statusCode() + ": " + response.body());
        }
        String json = response.body();
        return new RunProbe(count(json, "active"), count(json, "cancelled"), count(json, "completed"),
                count(json, "started"));
    }

    /** Polls until the counts satisfy {@code until}; the last counts if they never do within {@code limit}. */
    static RunProbe await(URI base, Predicate<RunProbe> until, Duration limit)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        RunProbe runs = read(base);
        while (!until.test(runs) && System.nanoTime() < deadline) {
            Thread.sleep(5);
            runs = read(base);
        }
        return runs;
    }

    private static long count(String json, String name) throws IOException {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IOException("no " + name + " in probe answer " + json);
        }
        return Long.parseLong(m.group(1));
    }
}
