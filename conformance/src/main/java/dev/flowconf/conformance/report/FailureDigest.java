package dev.flowconf.conformance.report;

import java.util.List;

/** Each failure's message (it opens with case, host and clause ids), cut to its first lines. */
public final class FailureDigest {

  private FailureDigest() {}

  public static String render(List<Outcome> outcomes, int maxLinesEach) {
    StringBuilder out = new StringBuilder();
    for (Outcome outcome : outcomes) {
      if (!outcome.isFailure()) {
        continue;
      }
      List<String> lines = outcome.message().orElseThrow().lines().toList();
      out.append(outcome.verdict()).append(' ').append(lines.get(0)).append('\n');
      lines.stream().skip(1).limit(maxLinesEach - 1).forEach(line -> out.append("  ").append(line).append('\n'));
      if (lines.size() > maxLinesEach) {
        out.append("  … ").append(lines.size() - maxLinesEach).append(" more lines\n");
      }
      out.append('\n');
    }
    return out.toString();
  }
}
