package dev.flowconf.conformance.browser;

import java.util.List;
import java.util.Objects;

/** What a browser's {@code EventSource} delivered: its events in order, and how the reading ended. */
public record EventSourceReading(List<SourceEvent> events, Ending ending) {

  /** One dispatched event: its type ({@code message} unless the frame named one), data and last event id. */
  public record SourceEvent(String type, String data, String lastEventId) {}

  public enum Ending {
    /** The host ended the stream (the source would now reconnect; the reader closes it instead). */
    END_OF_STREAM,
    /** The source gave up: the answer was not 200 {@code text/event-stream}. */
    CONNECTION_FAILED,
    /** Neither came before the reader's time ran out. */
    TIMED_OUT
  }

  public EventSourceReading {
    events = List.copyOf(events);
    Objects.requireNonNull(ending, "ending");
  }
}
