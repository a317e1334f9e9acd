package dev.flowconf.conformance.transcript;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text as a reviewer must see it in a transcript: a byte that is not valid UTF-8 prints as
 * {@code \xNN}, and a character that would be invisible or merge with its neighbour (controls other
 * than line feed, format characters, non-ASCII spaces, line/paragraph separators, combining marks)
 * prints as &#92;u{XXXX}. Neither form can occur in JSON, so a JSON escape such as &#92;u00a0
 * that a host sent stays distinguishable from a raw U+00A0.
 */
final class VisibleText {

  private VisibleText() {}

  static String ofBytes(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // UTF-8 never decodes to more chars than bytes, so the decoder stops only at errors or the end.
    CharBuffer decoded = CharBuffer.allocate(bytes.length);
    StringBuilder out = new StringBuilder(bytes.length);
    while (true) {
      CoderResult result = decoder.decode(in, decoded, true);
      if (!result.isError()) {
        decoder.flush(decoded);
        appendVisible(decoded.flip(), out);
        return out.toString();
      }
      appendVisible(decoded.flip(), out);
      decoded.clear();
      for (int i = 0; i < result.length(); i++) {
        out.append("\\x%02X".formatted(in.get() & 0xFF));
      }
    }
  }

  static String ofText(CharSequence text) {
    return appendVisible(text, new StringBuilder(text.length())).toString();
  }

  private static StringBuilder appendVisible(CharSequence text, StringBuilder out) {
    text.codePoints().forEach(c -> {
      if (isInvisible(c)) {
        out.append("\\u{%04X}".formatted(c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out;
  }

  private static boolean isInvisible(int c) {
    if (c == '\n' || c == ' ') {
      return false;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
          Character.SURROGATE, Character.PRIVATE_USE -> true;
      default -> false;
    };
  }
}
