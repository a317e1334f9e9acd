package dev.flowconf.conformance.transcript;

import dev.flowconf.conformance.browser.EventSourceReading;
import dev.flowconf.conformance.browser.EventSourceReading.SourceEvent;
import dev.flowconf.conformance.golden.GoldenCase;
import java.time.Duration;

/**
 * The transcript of a {@code browser-eventsource} case: each event the browser dispatched, written
 * as the frame that would carry it ({@code event:} and {@code id:} only when set), then how it ended.
 */
public final class EventSourceTranscript {

  private EventSourceTranscript() {}

  public static String render(GoldenCase golden, EventSourceReading reading, Duration timeout) {
    TranscriptWriter transcript = new TranscriptWriter(golden)
        .request(golden.request(), "EventSource in Chromium, on a page of the host's origin")
        .line("events:");
    for (SourceEvent event : reading.events()) {
      if (!event.type().equals("message")) {
        transcript.line(EventLines.render("event: " + event.type()));
      }
      if (!event.lastEventId().isEmpty()) {
        transcript.line(EventLines.render("id: " + event.lastEventId()));
      }
      event.data().lines().forEach(line -> transcript.line(EventLines.render("data: " + line)));
      transcript.line("");
    }
    return transcript.line(switch (reading.ending()) {
      case END_OF_STREAM -> "end of stream";
      case CONNECTION_FAILED -> "connection failed: the source gave up (not a 200 text/event-stream answer)";
      case TIMED_OUT -> "no end of stream within " + timeout.toSeconds() + " s";
    }).toString();
  }
}
