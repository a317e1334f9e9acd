package dev.flowconf.conformance.browser;

import dev.flowconf.conformance.browser.EventSourceReading.Ending;
import dev.flowconf.conformance.browser.EventSourceReading.SourceEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Reads a stream with Chromium's own {@code EventSource}, the way a web page would, until it ends. */
public final class EventSourceReader {

  // An `event: error` frame reaches the `error` listener as a MessageEvent; a plain Event there is the
  // connection ending (readyState CONNECTING: the stream ended and the source would reconnect;
  // CLOSED: the source gave up on the answer).
  private static final String READ = """
      ({url, timeoutMs}) => new Promise(resolve => {
        const events = [];
        const source = new EventSource(url);
        const record = e => events.push({type: e.type, data: e.data, lastEventId: e.lastEventId});
        const finish = ending => { clearTimeout(timer); source.close(); resolve({events, ending}); };
        const timer = setTimeout(() => finish('TIMED_OUT'), timeoutMs);
        source.addEventListener('message', record);
        source.addEventListener('error', e => {
          if (e instanceof MessageEvent) { record(e); return; }
          finish(source.readyState === EventSource.CONNECTING ? 'END_OF_STREAM' : 'CONNECTION_FAILED');
        });
      })""";

  private EventSourceReader() {}

  public static EventSourceReading read(HostPage page, String url, Duration timeout) {
    Map<?, ?> result = (Map<?, ?>) page.evaluateOffThread(READ, Map.of("url", url, "timeoutMs", Math.toIntExact(timeout.toMillis())));
    List<SourceEvent> events = ((List<?>) result.get("events")).stream()
        .map(event -> (Map<?, ?>) event)
        .map(event -> new SourceEvent((String) event.get("type"), (String) event.get("data"),
            (String) event.get("lastEventId")))
        .toList();
    return new EventSourceReading(events, Ending.valueOf((String) result.get("ending")));
  }
}
