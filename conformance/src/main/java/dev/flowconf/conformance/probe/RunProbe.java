package dev.flowconf.conformance.probe;

import dev.flowconf.conformance.replay.Target;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads a host's run probe, {@code GET /__flowconf/runs} (SPEC.md PROBE-1). Safe from any thread.
 *
 * <p>Why the JDK's client and not Playwright's, which replays the cases: the probe is the suite's
 * instrument, not a case, and it must read the host the moment it is asked. Through Playwright each
 * read would queue behind whatever the Playwright thread is doing (a 600 ms stream), so a
 * cancellation would be seen late and the watch would hold up its host's lane.
 */
public final class RunProbe {

  private static final String PATH = "/__flowconf/runs";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(TIMEOUT)
      .build();

  private final Target host;

  public RunProbe(Target host) {
    this.host = host;
  }

  /** The counts now; throws {@link UnusableProbe} when the answer is not PROBE-1's. */
  public RunCounts read() {
    HttpResponse<byte[]> response;
    try {
      response = HTTP.send(HttpRequest.newBuilder(URI.create(host.urlOf(PATH))).timeout(TIMEOUT).GET().build(),
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
      throw new UnusableProbe("answered " + response.statusCode() + " " + (contentType.isEmpty() ? "(none)" : contentType)
          + " " + body);
    }
    return RunCounts.parse(body).orElseThrow(() ->
        new UnusableProbe("answered " + body + ", not {\"active\":A,\"cancelled\":C,\"completed\":D,\"started\":S}"));
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
