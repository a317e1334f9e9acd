package dev.flowconf.conformance.transcript;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Bytes too long to read in a transcript (a 10 MB body, a 64 KiB header value) shown on one line by
 * their size and SHA-256, which pin them exactly, and their first and last bytes in quotes, which say
 * what they are (and keep edge spaces visible): {@code (65536 bytes, SHA-256 …) begins "aaaa" ends "aaaa"}.
 * UTF-8 cut off at an edge shows as {@code \xNN}.
 */
final class LongContent {

  private static final int EDGE_BYTES = 40;

  private LongContent() {}

  /** The one-line summary; {@code bytes} must be longer than twice the edges it shows. */
  static String summary(byte[] bytes) {
    return "(" + bytes.length + " bytes, SHA-256 " + sha256(bytes) + ") begins \""
        + oneLine(Arrays.copyOfRange(bytes, 0, EDGE_BYTES)) + "\" ends \""
        + oneLine(Arrays.copyOfRange(bytes, bytes.length - EDGE_BYTES, bytes.length)) + "\"";
  }

  /** Visible text in which a line feed, too, is an escape, so the summary stays one line. */
  private static String oneLine(byte[] bytes) {
    return VisibleText.ofBytes(bytes).replace("\n", "\\u{000A}");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
