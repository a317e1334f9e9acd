package dev.flowconf.conformance.transcript;

import dev.flowconf.conformance.transcript.JsonToken.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a strict RFC 8259 JSON text into tokens without converting any of them, so numbers and
 * strings can be shown exactly as a host wrote them. Iterative, so deep nesting cannot overflow the
 * stack.
 */
final class JsonTokenizer {

  /** The tokens of a JSON text, and whether it had no insignificant whitespace at all. */
  record JsonText(List<JsonToken> tokens, boolean compact) {}

  private enum Expect { VALUE, VALUE_OR_END_ARRAY, NAME, NAME_OR_END_OBJECT, COLON, COMMA_OR_END }

  private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");
  private static final Pattern LITERAL = Pattern.compile("true|false|null");

  private final String text;
  private final List<JsonToken> tokens = new ArrayList<>();
  private final Deque<Kind> open = new ArrayDeque<>();
  private int pos;
  private boolean compact = true;

  private JsonTokenizer(String text) {
    this.text = text;
  }

  /** The tokens of {@code text}, or empty if it is not exactly one JSON value (with optional whitespace). */
  static Optional<JsonText> tokenize(String text) {
    JsonTokenizer tokenizer = new JsonTokenizer(text);
    return tokenizer.readValue() ? Optional.of(new JsonText(List.copyOf(tokenizer.tokens), tokenizer.compact))
        : Optional.empty();
  }

  private boolean readValue() {
    Expect expect = Expect.VALUE;
    while (true) {
      skipWhitespace();
      if (expect == Expect.COMMA_OR_END && open.isEmpty()) {
        return pos == text.length();
      }
      if (pos == text.length()) {
        return false;
      }
      char c = text.charAt(pos);
      switch (expect) {
        case VALUE, VALUE_OR_END_ARRAY -> {
          if (c == ']' && expect == Expect.VALUE_OR_END_ARRAY) {
            close(Kind.END_ARRAY);
            expect = Expect.COMMA_OR_END;
          } else if (c == '{') {
            begin(Kind.BEGIN_OBJECT);
            expect = Expect.NAME_OR_END_OBJECT;
          } else if (c == '[') {
            begin(Kind.BEGIN_ARRAY);
            expect = Expect.VALUE_OR_END_ARRAY;
          } else if (readScalar(c)) {
            expect = Expect.COMMA_OR_END;
          } else {
            return false;
          }
        }
        case NAME, NAME_OR_END_OBJECT -> {
          if (c == '}' && expect == Expect.NAME_OR_END_OBJECT) {
            close(Kind.END_OBJECT);
            expect = Expect.COMMA_OR_END;
          } else if (c == '"' && readString()) {
            expect = Expect.COLON;
          } else {
            return false;
          }
        }
        case COLON -> {
          if (c != ':') {
            return false;
          }
          emit(Kind.COLON, 1);
          expect = Expect.VALUE;
        }
        case COMMA_OR_END -> {
          boolean inObject = open.peek() == Kind.BEGIN_OBJECT;
          if (c == ',') {
            emit(Kind.COMMA, 1);
            expect = inObject ? Expect.NAME : Expect.VALUE;
          } else if (c == (inObject ? '}' : ']')) {
            close(inObject ? Kind.END_OBJECT : Kind.END_ARRAY);
          } else {
            return false;
          }
        }
      }
    }
  }

  private void begin(Kind kind) {
    open.push(kind);
    emit(kind, 1);
  }

  private void close(Kind kind) {
    open.pop();
    emit(kind, 1);
  }

  private boolean readScalar(char c) {
    if (c == '"') {
      return readString();
    }
    Matcher matcher = (c == '-' || (c >= '0' && c <= '9') ? NUMBER : LITERAL).matcher(text).region(pos, text.length());
    if (!matcher.lookingAt()) {
      return false;
    }
    emit(Kind.SCALAR, matcher.end() - pos);
    return true;
  }

  /** A string token from its opening quote: no raw control characters, only the escapes JSON defines. */
  private boolean readString() {
    int end = pos + 1;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (c == '"') {
        emit(Kind.SCALAR, end + 1 - pos);
        return true;
      }
      if (c < 0x20) {
        return false;
      }
      if (c == '\\') {
        int escapeLength = escapeLength(end + 1);
        if (escapeLength == 0) {
          return false;
        }
        end += escapeLength;
      }
      end++;
    }
    return false;
  }

  /** Length of a valid escape body starting after the backslash, or 0. */
  private int escapeLength(int at) {
    if (at >= text.length()) {
      return 0;
    }
    char c = text.charAt(at);
    if ("\"\\/bfnrt".indexOf(c) >= 0) {
      return 1;
    }
    if (c != 'u' || at + 5 > text.length()) {
      return 0;
    }
    for (int i = at + 1; i < at + 5; i++) {
      if ("0123456789abcdefABCDEF".indexOf(text.charAt(i)) < 0) {
        return 0;
      }
    }
    return 5;
  }

  private void emit(Kind kind, int length) {
    tokens.add(new JsonToken(kind, text.substring(pos, pos + length)));
    pos += length;
  }

  private void skipWhitespace() {
    int start = pos;
    while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    compact &= pos == start;
  }
}
