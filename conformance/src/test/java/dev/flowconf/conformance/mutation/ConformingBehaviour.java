package dev.flowconf.conformance.mutation;

import dev.flowconf.conformance.golden.CaseKind;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds, from a case's approved transcript, what a conforming host does: the response part read
 * back into bytes. A JSON body (shown one member per line) is made compact again, an event stream's
 * {@code data:} JSON likewise, &#92;u{XXXX} becomes its character again, each {@code <uuid-N>}
 * a fresh UUID v4, and a required keep-alive comes before every event. Only the forms the approved
 * transcripts use are read; anything else is refused rather than guessed.
 */
final class ConformingBehaviour {

  private static final Pattern STATUS = Pattern.compile("<<< (\\d{3})");
  private static final Pattern JSON_BODY = Pattern.compile("body: JSON, compact, (\\d+) bytes?");
  private static final Pattern VISIBLE_ESCAPE = Pattern.compile("\\\\u\\{([0-9A-F]{4,6})}");
  private static final Pattern UUID_TOKEN = Pattern.compile("<uuid-\\d+>");
  private static final String KEEP_ALIVE = ": keepalive\n\n";
  private static final List<String> PROBE_SETTLED = List.of("cancelled: grew by at least 1", "active: 0");

  private final GoldenCase golden;
  private final List<String> lines;
  private int at;

  private ConformingBehaviour(GoldenCase golden, String approved) {
    this.golden = golden;
    List<String> all = new ArrayList<>(List.of(approved.split("\n", -1)));
    if (all.get(all.size() - 1).isEmpty()) {
      all.remove(all.size() - 1);
    }
    this.lines = all;
  }

  /** The behaviour whose transcript of {@code golden} is {@code approved}. */
  static Behaviour of(GoldenCase golden, String approved) {
    return new ConformingBehaviour(golden, approved).read();
  }

  private Behaviour read() {
    skipToResponse();
    if (golden.kind() instanceof CaseKind.Exchange) {
      return new Behaviour.Answers(exchange());
    }
    if (golden.kind() instanceof CaseKind.BrowserEventSource) {
      expect("events:");
      String events = eventLines("end of stream");
      expectEnd();
      return new Behaviour.Answers(new Answer(200, Answer.SSE_HEADERS, events, true));
    }
    if (golden.kind() instanceof CaseKind.AbortStream) {
      int status = status();
      List<Header> headers = headers();
      expect("events before the abort:");
      String events = eventLines("aborted by the client");
      settledProbe();
      return new Behaviour.StreamsUntilTheClientLeaves(new Answer(status, headers, events, true), Behaviour.Runs.CONFORMING);
    }
    expect("aborted by the client before any answer");
    settledProbe();
    return new Behaviour.HoldsUntilTheClientLeaves(Behaviour.Runs.CONFORMING);
  }

  private Answer exchange() {
    int status = status();
    List<Header> headers = headers();
    String bodyLine = next();
    if (bodyLine.equals("body: empty")) {
      expectEnd();
      return new Answer(status, headers, "", false);
    }
    Matcher json = JSON_BODY.matcher(bodyLine);
    if (json.matches()) {
      String body = compactJson(String.join("\n", lines.subList(at, lines.size())));
      int bytes = body.getBytes(StandardCharsets.UTF_8).length;
      if (bytes != Integer.parseInt(json.group(1))) {
        throw refused("rebuilt a JSON body of " + bytes + " bytes, the transcript says " + json.group(1));
      }
      return new Answer(status, headers, body, false);
    }
    if (bodyLine.equals("body: event stream")) {
      String events = eventLines("end of stream");
      boolean keepAliveRequired = ((CaseKind.Exchange) golden.kind()).keepAliveRequired();
      if (keepAliveRequired) {
        String verdict = next();
        if (!verdict.equals("keep-alive comments: present")) {
          throw refused("a conforming host sends keep-alive comments, the transcript says `" + verdict + "`");
        }
        events = KEEP_ALIVE + events.replace("\n\n", "\n\n" + KEEP_ALIVE);
        events = events.substring(0, events.length() - KEEP_ALIVE.length());
      }
      expectEnd();
      return new Answer(status, headers, events, true);
    }
    throw refused("cannot rebuild a body shown as `" + bodyLine + "`");
  }

  /** Past the request part: the header lines, the request body, up to the response. */
  private void skipToResponse() {
    while (at < lines.size() && !lines.get(at).startsWith(">>> ")) {
      at++;
    }
    at++;
    while (at < lines.size() && !lines.get(at).isEmpty()) {
      at++; // request header fields
    }
    at += 1 + requestBodyLines() + 1; // blank, the body as shown (or `(no body)`), blank
  }

  /** The request body is shown as its text, so it takes one line more than it has line feeds. */
  private int requestBodyLines() {
    int lineFeeds = 0;
    for (byte b : golden.request().body()) {
      lineFeeds += b == '\n' ? 1 : 0;
    }
    return lineFeeds + 1;
  }

  private int status() {
    Matcher status = STATUS.matcher(next());
    if (!status.matches()) {
      throw refused("expected `<<< status` at line " + at);
    }
    return Integer.parseInt(status.group(1));
  }

  private List<Header> headers() {
    List<Header> headers = new ArrayList<>();
    for (String line = next(); !line.isEmpty(); line = next()) {
      int colon = line.indexOf(": ");
      headers.add(new Header(line.substring(0, colon), visibleToText(line.substring(colon + 2))));
    }
    return headers;
  }

  /**
   * The event-stream text shown up to the line {@code end}: each line as sent, but a {@code data:}
   * whose JSON was re-laid out over several lines made compact again.
   */
  private String eventLines(String end) {
    StringBuilder text = new StringBuilder();
    for (String line = next(); !line.equals(end); line = next()) {
      if (line.startsWith("data: ") && depth(line) > 0) {
        StringBuilder json = new StringBuilder(line.substring("data: ".length()));
        while (depth(json) > 0) {
          json.append('\n').append(next());
        }
        text.append("data: ").append(compactJson(json.toString()));
      } else {
        text.append(visibleToText(line));
      }
      text.append('\n');
    }
    return text.toString();
  }

  private void settledProbe() {
    expect("");
    expect("run probe (GET /__flowconf/runs) after the client left:");
    for (String verdict : PROBE_SETTLED) {
      expect(verdict);
    }
    expectEnd();
  }

  /** Re-laid-out JSON made compact: whitespace outside strings dropped, strings and numbers kept as shown. */
  private String compactJson(String laidOut) {
    StringBuilder out = new StringBuilder();
    Map<String, String> uuids = new HashMap<>();
    boolean inString = false;
    for (int i = 0; i < laidOut.length(); i++) {
      char c = laidOut.charAt(i);
      if (!inString) {
        if (c == '"') {
          inString = true;
        }
        if (c != ' ' && c != '\n') {
          out.append(c);
        }
      } else if (c == '\\') {
        out.append(c).append(laidOut.charAt(++i));
      } else {
        inString = c != '"';
        out.append(c);
      }
    }
    return UUID_TOKEN.matcher(visibleToText(out.toString()))
        .replaceAll(token -> uuids.computeIfAbsent(token.group(), t -> UUID.randomUUID().toString()));
  }

  /** Brackets opened and not closed, outside strings. */
  private static int depth(CharSequence json) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    return depth;
  }

  /** Undoes VisibleText: &#92;u{XXXX} becomes the character; a {@code \xNN} byte cannot be rebuilt as text. */
  private String visibleToText(String shown) {
    if (shown.matches("(?s).*\\\\x[0-9A-F]{2}.*")) {
      throw refused("cannot rebuild bytes that are not UTF-8: " + shown);
    }
    return VISIBLE_ESCAPE.matcher(shown).replaceAll(escape ->
        Matcher.quoteReplacement(Character.toString(Integer.parseInt(escape.group(1), 16))));
  }

  private String next() {
    if (at >= lines.size()) {
      throw refused("the transcript ends early");
    }
    return lines.get(at++);
  }

  private void expect(String line) {
    String actual = next();
    if (!actual.equals(line)) {
      throw refused("expected `" + line + "` at line " + at + ", found `" + actual + "`");
    }
  }

  private void expectEnd() {
    if (at != lines.size()) {
      throw refused("unexpected lines after line " + at + ": " + lines.subList(at, lines.size()));
    }
  }

  private IllegalArgumentException refused(String problem) {
    return new IllegalArgumentException(golden.id() + ".approved.txt: " + problem);
  }
}
