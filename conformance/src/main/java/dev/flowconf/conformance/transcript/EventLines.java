package dev.flowconf.conformance.transcript;

import java.util.Optional;

/**
 * Shows one line of an event stream: {@code data: } followed by compact JSON is laid out like a JSON
 * body (so {@code data: {…}} reads like other bodies); every other line is shown as sent, so
 * {@code data:{…}} without the space or non-compact JSON never looks like the approved form.
 */
final class EventLines {

  private static final String DATA = "data: ";

  private EventLines() {}

  static String render(String line) {
    if (line.startsWith(DATA)) {
      Optional<VerbatimJson> json = VerbatimJson.parse(line.substring(DATA.length()));
      if (json.isPresent() && json.get().compact()) {
        return DATA + JsonLayout.of(json.get());
      }
    }
    return VisibleText.ofText(line);
  }
}
