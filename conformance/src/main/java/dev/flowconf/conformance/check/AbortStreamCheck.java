package dev.flowconf.conformance.check;

import dev.flowconf.conformance.browser.AbortedFetch;
import dev.flowconf.conformance.browser.AbortingFetch;
import dev.flowconf.conformance.browser.HostPage;
import dev.flowconf.conformance.golden.CaseKind;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.replay.Target;
import java.time.Duration;

/** {@code abort-stream}: a page reads the first events of a stream and aborts; the host must cancel the run. */
public final class AbortStreamCheck extends LeavingClientCheck {

  // How long a stream may take to deliver the events to read before the abort.
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  public AbortStreamCheck(PlaywrightRuntime playwright, Duration keepAliveInterval, Duration probeTimeout) {
    super(playwright, keepAliveInterval, probeTimeout);
  }

  @Override
  String plan(GoldenCase golden) {
    int events = events(golden);
    return "after " + events + (events == 1 ? " event" : " events");
  }

  @Override
  AbortedFetch leave(HostPage page, GoldenCase golden, Target host) {
    return AbortingFetch.streamThenAbort(page, host.urlOf(golden.request().path()), golden.request(), events(golden),
        READ_TIMEOUT);
  }

  private static int events(GoldenCase golden) {
    return ((CaseKind.AbortStream) golden.kind()).afterEvents();
  }
}
