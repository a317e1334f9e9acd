package dev.flowconf.conformance.check;

import dev.flowconf.conformance.browser.AbortingFetch;
import dev.flowconf.conformance.golden.CaseKind;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.replay.Target;
import java.time.Duration;

/** {@code abort-stream}: a page reads the first events of a stream and aborts; the host must cancel the run. */
public final class AbortStreamCheck implements CaseCheck {

  // How long a stream may take to deliver the events to read before the abort.
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  private final LeavingClient client;

  /** {@code keepAliveInterval} is the hosts' SSE keep-alive interval (SSE-KEEPALIVE-1), which bounds the wait. */
  public AbortStreamCheck(PlaywrightRuntime playwright, Duration keepAliveInterval) {
    this.client = new LeavingClient(playwright, keepAliveInterval);
  }

  @Override
  public String transcribe(GoldenCase golden, Target host) {
    return transcribe(golden, host, () -> {});
  }

  @Override
  public String transcribe(GoldenCase golden, Target host, Runnable timedPartOver) {
    int events = ((CaseKind.AbortStream) golden.kind()).afterEvents();
    return client.transcribe(golden, host, "after " + events + (events == 1 ? " event" : " events"),
        page -> AbortingFetch.streamThenAbort(page, host.urlOf(golden.request().path()), golden.request(), events,
            READ_TIMEOUT), timedPartOver);
  }
}
