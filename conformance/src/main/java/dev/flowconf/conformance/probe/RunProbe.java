package dev.flowconf.conformance.probe;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.RequestOptions;
import dev.flowconf.conformance.replay.Target;
import java.nio.charset.StandardCharsets;

/** Reads a host's run probe, {@code GET /__flowconf/runs} (SPEC.md PROBE-1). */
public final class RunProbe {

  private static final String PATH = "/__flowconf/runs";
  private static final double TIMEOUT_MS = 5_000;

  private final APIRequestContext http;
  private final Target host;

  public RunProbe(APIRequestContext http, Target host) {
    this.http = http;
    this.host = host;
  }

  /** The counts now; throws {@link UnusableProbe} when the answer is not PROBE-1's. */
  public RunCounts read() {
    APIResponse response;
    try {
      response = http.get(host.urlOf(PATH), RequestOptions.create().setTimeout(TIMEOUT_MS).setMaxRedirects(0));
    } catch (PlaywrightException e) {
      throw new UnusableProbe("no answer: " + e.getMessage().lines().findFirst().orElse(""));
    }
    String body = new String(response.body(), StandardCharsets.UTF_8);
    String contentType = response.headers().getOrDefault("content-type", "(none)");
    if (response.status() != 200 || !contentType.equals("application/json")) {
      throw new UnusableProbe("answered " + response.status() + " " + contentType + " " + body);
    }
    return RunCounts.parse(body).orElseThrow(() ->
        new UnusableProbe("answered " + body + ", not {\"active\":A,\"cancelled\":C,\"completed\":D,\"started\":S}"));
  }

  /** The probe cannot be read, or its answer breaks PROBE-1; the message says how. */
  public static final class UnusableProbe extends RuntimeException {

    UnusableProbe(String message) {
      super(message);
    }
  }
}
