package dev.flowconf.conformance.check;

import dev.flowconf.conformance.browser.EventSourceReader;
import dev.flowconf.conformance.browser.HostPage;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.replay.Target;
import dev.flowconf.conformance.transcript.EventSourceTranscript;
import java.time.Duration;

/** {@code browser-eventsource}: Chromium's EventSource reads the stream from a page of the host's origin. */
public final class EventSourceCheck implements CaseCheck {

  // Every shipped stream that ends does so within a second (s2 takes ~600 ms).
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final PlaywrightRuntime playwright;

  public EventSourceCheck(PlaywrightRuntime playwright) {
    this.playwright = playwright;
  }

  @Override
  public String transcribe(GoldenCase golden, Target host) {
    try (HostPage page = HostPage.open(playwright, host, golden.request().path())) {
      return EventSourceTranscript.render(golden,
          EventSourceReader.read(page, host.urlOf(golden.request().path()), TIMEOUT), TIMEOUT);
    }
  }
}
