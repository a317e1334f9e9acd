package dev.flowconf.conformance.report;

import java.nio.charset.StandardCharsets;

/** Text made safe for HTML element content and double-quoted attribute values. */
final class Html {

  private Html() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  /**
   * Prose with Markdown code spans (as case descriptions are written): each span, opened and closed
   * by the same number of backticks, becomes {@code <code>}; everything is escaped.
   */
  static String prose(String text) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf('`', at);
      if (open < 0) {
        break;
      }
      int ticks = run(text, open);
      int close = open + ticks;
      while ((close = text.indexOf('`', close)) >= 0 && run(text, close) != ticks) {
        close += run(text, close);
      }
      if (close < 0) {
        break;
      }
      String code = text.substring(open + ticks, close);
      out.append(escape(text.substring(at, open))).append("<code>")
          .append(escape(code.length() > 2 && code.startsWith(" ") && code.endsWith(" ") ? code.substring(1, code.length() - 1) : code))
          .append("</code>");
      at = close + ticks;
    }
    return out.append(escape(text.substring(at))).toString();
  }

  private static int run(String text, int from) {
    int end = from;
    while (end < text.length() && text.charAt(end) == '`') {
      end++;
    }
    return end - from;
  }

  /** A relative link target: each path segment percent-encoded where a URL needs it, slashes kept. */
  static String href(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return escape(out.toString());
  }
}
