package dev.flowconf.conformance.check;

import dev.flowconf.conformance.browser.AbortedFetch;
import dev.flowconf.conformance.browser.AbortingFetch;
import dev.flowconf.conformance.browser.HostPage;
import dev.flowconf.conformance.golden.CaseKind;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.replay.Target;
import java.time.Duration;

/** {@code abort-value}: a page aborts a value request before the answer; the host must cancel the run. */
public final class AbortValueCheck extends LeavingClientCheck {

  public AbortValueCheck(PlaywrightRuntime playwright, Duration keepAliveInterval, Duration probeTimeout) {
    super(playwright, keepAliveInterval, probeTimeout);
  }

  @Override
  String plan(GoldenCase golden) {
    return "after " + millis(golden) + " ms";
  }

  @Override
  AbortedFetch leave(HostPage page, GoldenCase golden, Target host) {
    return AbortingFetch.valueThenAbort(page, host.urlOf(golden.request().path()), golden.request(), millis(golden));
  }

  private static int millis(GoldenCase golden) {
    return ((CaseKind.AbortValue) golden.kind()).afterMillis();
  }
}
