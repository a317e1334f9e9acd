package dev.flowconf.conformance.transcript;

import dev.flowconf.conformance.transcript.JsonToken.Kind;
import java.util.List;

/**
 * Lays JSON tokens out one member per line, indented by two spaces, in the order the host sent
 * them (so a wrong key order shows). Token text is copied, never re-encoded.
 */
final class JsonReindenter {

  private static final String INDENT = "  ";

  private JsonReindenter() {}

  static String reindent(List<JsonToken> tokens) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      JsonToken token = tokens.get(i);
      switch (token.kind()) {
        case BEGIN_OBJECT, BEGIN_ARRAY -> {
          out.append(token.text());
          if (isEmptyContainer(tokens, i)) {
            out.append(tokens.get(++i).text());
          } else {
            newLine(out, ++depth);
          }
        }
        case END_OBJECT, END_ARRAY -> {
          newLine(out, --depth);
          out.append(token.text());
        }
        case COLON -> out.append(": ");
        case COMMA -> {
          out.append(',');
          newLine(out, depth);
        }
        case SCALAR -> out.append(VisibleText.ofText(token.text()));
      }
    }
    return out.toString();
  }

  private static boolean isEmptyContainer(List<JsonToken> tokens, int begin) {
    Kind next = tokens.get(begin + 1).kind();
    return next == Kind.END_OBJECT || next == Kind.END_ARRAY;
  }

  private static void newLine(StringBuilder out, int depth) {
    out.append('\n').append(INDENT.repeat(depth));
  }
}
