package dev.flowconf.conformance.transcript;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One strict RFC 8259 JSON value read by Jackson's streaming parser, each token kept as the text the
 * host wrote (a number's digits, a string's quotes and escapes) rather than as Jackson converts it.
 *
 * @param tokens the value's tokens in the host's order; a name token is the quoted name, without its colon
 * @param compact whether the text had no insignificant whitespace at all
 */
record VerbatimJson(List<Token> tokens, boolean compact) {

  /** A token and its exact source text. */
  record Token(JsonToken kind, String text) {}

  // Jackson's defaults are strict RFC 8259: no comments, NaN, leading zeros, single quotes, unescaped
  // control characters or trailing commas. Its size limits are lifted instead: deep nesting or a long
  // number is something a host may send, and the transcript must show it, not reject it.
  private static final JsonFactory STRICT = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(Integer.MAX_VALUE)
          .maxNumberLength(Integer.MAX_VALUE)
          .maxStringLength(Integer.MAX_VALUE)
          .maxNameLength(Integer.MAX_VALUE)
          .build())
      // Names are only copied: interning them would let many distinct names hit the symbol table's limits.
      .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
      .build();

  VerbatimJson {
    tokens = List.copyOf(tokens);
  }

  /** The tokens of {@code text}, or empty if it is not exactly one JSON value (with optional whitespace). */
  static Optional<VerbatimJson> parse(String text) {
    List<JsonToken> kinds = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    try (JsonParser parser = STRICT.createParser(text.toCharArray())) {
      JsonToken kind = parser.nextToken();
      while (kind != null) {
        kinds.add(kind);
        starts.add((int) parser.currentTokenLocation().getCharOffset());
        if (parser.getParsingContext().inRoot()) {
          // The value is complete; Jackson would read a second one, which a body must not have.
          return parser.nextToken() == null ? Optional.of(fromStarts(text, kinds, starts)) : Optional.empty();
        }
        kind = parser.nextToken();
      }
      return Optional.empty();
    } catch (IOException notStrictJson) {
      return Optional.empty();
    }
  }

  /**
   * Jackson tells where a token starts but not reliably where it ends (with a name it has already read
   * the value after it; after a top-level number, one whitespace character). Between two tokens lie
   * only whitespace and at most one comma or colon, and no token ends in one of those, so a token's
   * text runs to the next token's start less them.
   */
  private static VerbatimJson fromStarts(String text, List<JsonToken> kinds, List<Integer> starts) {
    List<Token> tokens = new ArrayList<>(kinds.size());
    boolean compact = starts.get(0) == 0;
    for (int i = 0; i < kinds.size(); i++) {
      int start = starts.get(i);
      int next = i + 1 < kinds.size() ? starts.get(i + 1) : text.length();
      int end = skipWhitespaceBack(text, start, next);
      if (end > start && (text.charAt(end - 1) == ',' || text.charAt(end - 1) == ':')) {
        end = skipWhitespaceBack(text, start, end - 1);
      }
      compact &= !hasWhitespace(text, end, next);
      tokens.add(new Token(kinds.get(i), text.substring(start, end)));
    }
    return new VerbatimJson(tokens, compact);
  }

  private static int skipWhitespaceBack(String text, int start, int end) {
    while (end > start && isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private static boolean hasWhitespace(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (isWhitespace(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }
}
