package dev.flowconf.reference;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the run probe (PROBE-1) and waits, boundedly, for a state the test expects. */
final class Probe {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    final long active;
    final long cancelled;
    final long completed;
    final long started;

    private Probe(String json) {
        active = field(json, "active");
        cancelled = field(json, "cancelled");
        completed = field(json, "completed");
        started = field(json, "started");
    }

    static Probe read(URI base) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/__flowconf/runs")).build();
        return new Probe(CLIENT.send(get, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Polls until the probe satisfies the condition; the last reading either way. */
    static Probe await(URI base, long timeoutMillis, Predicate<Probe> condition) throws Exception {
        long end = System.nanoTime() + timeoutMillis * 1_000_000;
        Probe p = read(base);
        while (!condition.test(p) && System.nanoTime() < end) {
            Thread.sleep(5);
            p = read(base);
        }
        return p;
    }

    private static long field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        if (!m.find()) throw new IllegalStateException("no " + name + " in " + json);
        return Long.parseLong(m.group(1));
    }

    @Override
    public String toString() {
        return "active=" + active + " cancelled=" + cancelled + " completed=" + completed + " started=" + started;
    }
}
