package dev.flowconf.conformance.golden;

import java.util.Locale;
import java.util.Objects;

/**
 * Selects the cases citing a clause, like h2spec's section selectors: a whole id ({@code SSE-GET-1})
 * or a prefix of ids cut at a dash ({@code SSE} selects {@code SSE-*}, {@code SSE-ERROR} selects
 * {@code SSE-ERROR-1} and {@code SSE-ERROR-ITEM-1}, but {@code SS} selects nothing).
 */
public record ClauseSelector(String text) {

  public ClauseSelector {
    Objects.requireNonNull(text, "text");
    text = text.strip().toUpperCase(Locale.ROOT); // ids are upper-case; `--clause sse` means SSE
    if (text.isEmpty() || text.startsWith("-") || text.endsWith("-")) {
      throw new IllegalArgumentException("a clause selector is an id or a prefix like SSE or SSE-ERROR, got `"
          + text + "`");
    }
  }

  public boolean selects(String clauseId) {
    return clauseId.equals(text) || clauseId.startsWith(text + "-");
  }

  public boolean selects(GoldenCase golden) {
    return golden.clauses().stream().anyMatch(this::selects);
  }

  @Override
  public String toString() {
    return text;
  }
}
