package dev.flowconf.conformance.mutation;

import dev.flowconf.conformance.golden.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP answer a played host sends: status, header fields in order, and the body text. The
 * {@code with…}/{@code replacing…} methods each change one place and refuse to be a no-op (a mutation
 * that finds nothing to change would "survive" for the wrong reason).
 *
 * @param eventStream whether the body is a {@code text/event-stream}, sent in dribbled chunks
 */
record Answer(int status, List<Header> headers, String body, boolean eventStream) {

  /** SSE-HEADERS-1: what a stream (and an EventSource) needs. */
  static final List<Header> SSE_HEADERS = List.of(
      new Header("content-type", "text/event-stream"), new Header("cache-control", "no-cache"));

  Answer {
    headers = List.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  Answer withStatus(int newStatus) {
    if (newStatus == status) {
      throw new IllegalStateException("the answer already has status " + status);
    }
    return new Answer(newStatus, headers, body, eventStream);
  }

  /** The header field {@code name}, which must be there, with another value. */
  Answer withHeader(String name, String value) {
    List<Header> changed = new ArrayList<>();
    for (Header header : headers) {
      changed.add(header.name().equals(name) ? new Header(name, value) : header);
    }
    requireField(name);
    return new Answer(status, changed, body, eventStream);
  }

  /** Without the header field {@code name}, which must be there. */
  Answer withoutHeader(String name) {
    requireField(name);
    return new Answer(status, headers.stream().filter(h -> !h.name().equals(name.toLowerCase(Locale.ROOT))).toList(),
        body, eventStream);
  }

  /** The body with {@code from}, which must occur exactly once, replaced. */
  Answer replacingOnce(String from, String to) {
    int count = occurrences(from);
    if (count != 1) {
      throw new IllegalStateException("`" + from + "` occurs " + count + " times in the body, not once:\n" + body);
    }
    return new Answer(status, headers, body.replace(from, to), eventStream);
  }

  /** The body with every {@code from} (at least one) replaced. */
  Answer replacingEvery(String from, String to) {
    if (occurrences(from) == 0) {
      throw new IllegalStateException("`" + from + "` does not occur in the body:\n" + body);
    }
    return new Answer(status, headers, body.replace(from, to), eventStream);
  }

  /** Two events of an event-stream body (0-based, keep-alive comment blocks not counted) swapped. */
  Answer swappingEvents(int first, int second) {
    List<String> blocks = new ArrayList<>(List.of(body.split("(?<=\n\n)")));
    List<Integer> events = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      if (!blocks.get(i).startsWith(":")) {
        events.add(i);
      }
    }
    int a = events.get(first);
    int b = events.get(second);
    if (blocks.get(a).equals(blocks.get(b))) {
      throw new IllegalStateException("events " + first + " and " + second + " are equal: swapping changes nothing");
    }
    String kept = blocks.get(a);
    blocks.set(a, blocks.get(b));
    blocks.set(b, kept);
    return new Answer(status, headers, String.join("", blocks), eventStream);
  }

  private void requireField(String name) {
    if (headers.stream().noneMatch(h -> h.name().equals(name.toLowerCase(Locale.ROOT)))) {
      throw new IllegalStateException("the answer has no `" + name + "` field to change: " + headers);
    }
  }

  private int occurrences(String part) {
    int count = 0;
    for (int at = body.indexOf(part); at >= 0; at = body.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
