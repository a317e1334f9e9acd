package dev.flowconf.conformance.check;

import dev.flowconf.conformance.browser.AbortedFetch;
import dev.flowconf.conformance.browser.HostPage;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.probe.CancellationWatch;
import dev.flowconf.conformance.probe.RunProbe;
import dev.flowconf.conformance.probe.RunProbe.UnusableProbe;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.replay.Target;
import dev.flowconf.conformance.transcript.AbortTranscript;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * What both abort kinds do: read the run probe, let a page's fetch leave early, then watch the probe
 * until the host shows the run cancelled and nothing active (SPEC.md CANCEL-1, CANCEL-2, PROBE-1).
 */
final class LeavingClient {

  // CANCEL-1 allows the keep-alive interval plus one second; one more second covers the abort
  // reaching the host (130–210 ms measured) and the polling.
  private static final Duration GRACE = Duration.ofSeconds(2);

  private final PlaywrightRuntime playwright;
  private final Duration wait;

  LeavingClient(PlaywrightRuntime playwright, Duration keepAliveInterval) {
    this.playwright = playwright;
    this.wait = keepAliveInterval.plus(GRACE);
  }

  /**
   * {@code plan} says when the page aborts ({@code after 2 events}); {@code leave} makes it do so;
   * {@code left} hears when it has (the timed part is over, only the probe is watched after it).
   */
  String transcribe(GoldenCase golden, Target host, String plan, Function<HostPage, AbortedFetch> leave,
      Runnable left) {
    RunProbe probe = new RunProbe(host);
    try (HostPage page = HostPage.open(playwright, host)) {
      CancellationWatch watch;
      try {
        watch = CancellationWatch.start(probe);
      } catch (UnusableProbe e) {
        return AbortTranscript.render(golden, plan, leave.apply(page), List.of("run probe: " + e.getMessage()));
      }
      AbortedFetch fetch = leave.apply(page);
      left.run();
      return AbortTranscript.render(golden, plan, fetch, watch.awaitCancelled(wait));
    }
  }
}
