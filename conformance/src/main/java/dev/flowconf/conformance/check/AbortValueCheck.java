package dev.flowconf.conformance.check;

import dev.flowconf.conformance.browser.AbortingFetch;
import dev.flowconf.conformance.golden.CaseKind;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.replay.Target;
import java.time.Duration;

/** {@code abort-value}: a page aborts a value request before the answer; the host must cancel the run. */
public final class AbortValueCheck implements CaseCheck {

  private final LeavingClient client;

  /** {@code keepAliveInterval} is the hosts' SSE keep-alive interval (SSE-KEEPALIVE-1), which bounds the wait. */
  public AbortValueCheck(PlaywrightRuntime playwright, Duration keepAliveInterval) {
    this.client = new LeavingClient(playwright, keepAliveInterval);
  }

  @Override
  public String transcribe(GoldenCase golden, Target host) {
    return transcribe(golden, host, () -> {});
  }

  @Override
  public String transcribe(GoldenCase golden, Target host, Runnable timedPartOver) {
    int millis = ((CaseKind.AbortValue) golden.kind()).afterMillis();
    return client.transcribe(golden, host, "after " + millis + " ms",
        page -> AbortingFetch.valueThenAbort(page, host.urlOf(golden.request().path()), golden.request(), millis),
        timedPartOver);
  }
}
