package dev.flowconf.conformance.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code text/event-stream} body as its lines, split at line feeds only (a stray carriage return
 * stays in its line, where {@link VisibleText} shows it), with keep-alive blocks taken out and
 * counted: their number depends on timing, so listing them would make transcripts flaky.
 *
 * @param lines the remaining lines; an empty line ends an event
 * @param keepAliveComments how many {@code ": keepalive\n\n"} blocks were taken out
 * @param endsMidLine whether the body's last line has no line feed after it
 */
record EventStreamText(List<String> lines, int keepAliveComments, boolean endsMidLine) {

  /** The comment line of SSE-KEEPALIVE-1; only this exact line, alone in its block, is a keep-alive. */
  static final String KEEP_ALIVE_LINE = ": keepalive";

  EventStreamText {
    lines = List.copyOf(lines);
  }

  static EventStreamText parse(String body) {
    List<String> all = new ArrayList<>(List.of(body.split("\n", -1)));
    String afterLastLineFeed = all.remove(all.size() - 1);
    boolean endsMidLine = !afterLastLineFeed.isEmpty();
    if (endsMidLine) {
      all.add(afterLastLineFeed);
    }
    List<String> kept = new ArrayList<>();
    int keepAlives = 0;
    for (int i = 0; i < all.size(); i++) {
      boolean startsBlock = i == 0 || all.get(i - 1).isEmpty();
      boolean endsBlock = i + 1 < all.size() && all.get(i + 1).isEmpty();
      if (startsBlock && endsBlock && all.get(i).equals(KEEP_ALIVE_LINE)) {
        keepAlives++;
        i++; // and the empty line that ends the block
      } else {
        kept.add(all.get(i));
      }
    }
    return new EventStreamText(kept, keepAlives, endsMidLine);
  }

  /**
   * The lines as a transcript shows them (see {@link EventLines}), an empty line after each event,
   * and a note when the body stopped inside a line.
   */
  String render() {
    StringBuilder out = new StringBuilder();
    lines.forEach(line -> out.append(EventLines.render(line)).append('\n'));
    if (endsMidLine) {
      out.append("(no line feed after the last line)\n");
    }
    return out.toString();
  }
}
