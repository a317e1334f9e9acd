package dev.flowconf.conformance.check;

import dev.flowconf.conformance.browser.AbortedFetch;
import dev.flowconf.conformance.browser.HostPage;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.probe.CancellationWatch;
import dev.flowconf.conformance.replay.ExchangeFailure;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.replay.Target;
import dev.flowconf.conformance.transcript.AbortTranscript;
import dev.flowconf.wire.RunProbe;
import dev.flowconf.wire.RunProbe.UnusableProbe;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What both abort kinds do: read the run probe, let a page's fetch leave early, then watch the probe
 * until the host shows the run cancelled and nothing active (SPEC.md CANCEL-1, CANCEL-2, PROBE-1).
 * A kind says only when its page leaves ({@link #plan}) and how ({@link #leave}).
 */
abstract class LeavingClientCheck implements CaseCheck {

  // CANCEL-1 allows the keep-alive interval plus one second; one more second covers the abort
  // reaching the host (130–210 ms measured) and the polling.
  private static final Duration GRACE = Duration.ofSeconds(2);

  private final PlaywrightRuntime playwright;
  private final Duration wait;
  private final Duration probeTimeout;

  /**
   * {@code keepAliveInterval} is the hosts' SSE keep-alive interval (SSE-KEEPALIVE-1), which bounds the wait;
   * {@code probeTimeout} bounds each read of the run probe.
   */
  LeavingClientCheck(PlaywrightRuntime playwright, Duration keepAliveInterval, Duration probeTimeout) {
    this.playwright = playwright;
    this.wait = keepAliveInterval.plus(GRACE);
    this.probeTimeout = probeTimeout;
  }

  /** When the page aborts, as the transcript says it ({@code after 2 events}). */
  abstract String plan(GoldenCase golden);

  /** Makes the page send the case's request and abort as planned. */
  abstract AbortedFetch leave(HostPage page, GoldenCase golden, Target host);

  @Override
  public final String transcribe(GoldenCase golden, Target host) {
    return transcribe(golden, host, () -> {});
  }

  /** {@code left} hears when the page has left (the timed part is over, only the probe is watched after it). */
  @Override
  public final String transcribe(GoldenCase golden, Target host, Runnable left) {
    String plan = plan(golden);
    RunProbe probe = new RunProbe(URI.create(host.urlOf(RunProbe.PATH)), probeTimeout);
    try (HostPage page = HostPage.open(playwright, host, golden.request().path())) {
      CancellationWatch watch;
      try {
        watch = CancellationWatch.start(probe);
      } catch (UnusableProbe e) {
        if (e.isNoAnswer()) {
          // a host that answers nothing gets no page fetch either: it counts towards giving up on it
          throw ExchangeFailure.noAnswer("the run probe got no answer", e.getMessage());
        }
        return AbortTranscript.render(golden, plan, leave(page, golden, host), List.of("run probe: " + e.getMessage()));
      }
      AbortedFetch fetch = leave(page, golden, host);
      left.run();
      return AbortTranscript.render(golden, plan, fetch, watch.awaitCancelled(wait));
    }
  }
}
