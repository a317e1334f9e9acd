package dev.flowconf.conformance.browser;

import dev.flowconf.conformance.browser.AbortedFetch.Answer;
import dev.flowconf.conformance.browser.AbortedFetch.Ending;
import dev.flowconf.conformance.golden.CaseRequest;
import dev.flowconf.conformance.golden.Header;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fetch} with an {@code AbortController} from a page on the host's origin: the client that
 * leaves (SPEC.md CANCEL-1, CANCEL-2). The host sees the abort as a failed write 130–210 ms later.
 */
public final class AbortingFetch {

  // Shared by both scripts: send the case's request with the controller's signal.
  private static final String SEND = """
        const controller = new AbortController();
        const send = () => fetch(url, {method, headers, signal: controller.signal,
            body: body.length ? new Uint8Array(body) : undefined});
        const answerOf = (response, text) =>
            ({status: response.status, headers: [...response.headers], body: text});
      """;

  // Reads until `afterEvents` events (blocks ended by a blank line; `:` comment blocks do not
  // count) have arrived, then aborts and keeps the text up to the end of the last of them.
  private static final String STREAM_THEN_ABORT = "async ({url, method, headers, body, afterEvents, timeoutMs}) => {\n"
      + SEND + """
        const timer = setTimeout(() => controller.abort(), timeoutMs);
        const failure = e => e.name === 'AbortError' ? 'TIMED_OUT' : 'FAILED';
        const endOfEvents = text => {
          for (let at = 0, seen = 0, end; (end = text.indexOf('\\n\\n', at)) >= 0; at = end + 2) {
            if (!text.startsWith(':', at) && ++seen === afterEvents) return end + 2;
          }
          return -1;
        };
        let response;
        try {
          response = await send();
        } catch (e) {
          return {answer: null, ending: failure(e)};
        }
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let text = '';
        try {
          while (endOfEvents(text) < 0) {
            const {value, done} = await reader.read();
            if (done) {
              clearTimeout(timer);
              return {answer: answerOf(response, text), ending: 'HOST_FINISHED_FIRST'};
            }
            text += decoder.decode(value, {stream: true});
          }
        } catch (e) {
          return {answer: answerOf(response, text), ending: failure(e)};
        }
        clearTimeout(timer);
        controller.abort();
        return {answer: answerOf(response, text.slice(0, endOfEvents(text))), ending: 'ABORTED'};
      }""";

  private static final String VALUE_THEN_ABORT = "async ({url, method, headers, body, afterMs}) => {\n"
      + SEND + """
        let aborted = false;
        const timer = setTimeout(() => { aborted = true; controller.abort(); }, afterMs);
        let response;
        try {
          response = await send();
          const text = await response.text();
          clearTimeout(timer);
          return {answer: answerOf(response, text), ending: 'HOST_FINISHED_FIRST'};
        } catch (e) {
          const answer = response ? answerOf(response, '') : null;
          return {answer, ending: aborted && e.name === 'AbortError' ? 'ABORTED' : 'FAILED'};
        }
      }""";

  private AbortingFetch() {}

  /** Sends {@code request}, reads {@code afterEvents} events of the stream, then aborts. */
  public static AbortedFetch streamThenAbort(HostPage page, String url, CaseRequest request, int afterEvents,
      Duration timeout) {
    Map<String, Object> argument = argument(url, request);
    argument.put("afterEvents", afterEvents);
    argument.put("timeoutMs", Math.toIntExact(timeout.toMillis()));
    return result(page.evaluate(STREAM_THEN_ABORT, argument));
  }

  /** Sends {@code request} and aborts it {@code afterMillis} later, unless the whole answer came first. */
  public static AbortedFetch valueThenAbort(HostPage page, String url, CaseRequest request, int afterMillis) {
    Map<String, Object> argument = argument(url, request);
    argument.put("afterMs", afterMillis);
    return result(page.evaluate(VALUE_THEN_ABORT, argument));
  }

  private static Map<String, Object> argument(String url, CaseRequest request) {
    Map<String, Object> argument = new HashMap<>();
    argument.put("url", url);
    argument.put("method", request.method());
    Map<String, String> headers = new HashMap<>();
    request.headers().forEach(header -> headers.put(header.name(), header.value()));
    argument.put("headers", headers);
    List<Integer> body = new ArrayList<>();
    for (byte b : request.body()) {
      body.add(b & 0xFF);
    }
    argument.put("body", body);
    return argument;
  }

  private static AbortedFetch result(Object evaluated) {
    Map<?, ?> result = (Map<?, ?>) evaluated;
    Map<?, ?> answer = (Map<?, ?>) result.get("answer");
    return new AbortedFetch(Optional.ofNullable(answer).map(AbortingFetch::answer),
        Ending.valueOf((String) result.get("ending")));
  }

  private static Answer answer(Map<?, ?> answer) {
    List<Header> headers = ((List<?>) answer.get("headers")).stream()
        .map(pair -> (List<?>) pair)
        .map(pair -> new Header((String) pair.get(0), (String) pair.get(1)))
        .toList();
    return new Answer(((Number) answer.get("status")).intValue(), headers, (String) answer.get("body"));
  }
}
