package dev.flowconf.conformance.report;

import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.replay.Target;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code summary.md}: a few lines for a CI job log or step summary (e.g. {@code $GITHUB_STEP_SUMMARY}):
 * each host's totals, the parity line, and the failing cases with their clause ids.
 */
public final class MarkdownSummary {

  // A summary is glanced at; the HTML report and the job log hold the rest.
  private static final int FAILURES_LISTED = 20;

  private MarkdownSummary() {}

  public static String render(CheckedRun run) {
    StringBuilder out = new StringBuilder();
    long failures = run.failures();
    out.append("### flowconf conformance: ").append(failures == 0 ? "no failures" : failures + " failed").append("\n\n");
    out.append("| host | target | PASS | FAIL | XFAIL | XPASS | N/A |\n|---|---|---:|---:|---:|---:|---:|\n");
    for (Target target : run.targets()) {
      Map<Verdict, Long> totals = run.totals(target.name());
      out.append("| ").append(target.name()).append(" | ").append(target.baseUrl()).append(" | ")
          .append(totals.get(Verdict.PASS)).append(" | ").append(totals.get(Verdict.FAIL)).append(" | ")
          .append(totals.get(Verdict.XFAIL)).append(" | ").append(totals.get(Verdict.XPASS)).append(" | ")
          .append(totals.get(Verdict.NA)).append(" |\n");
    }
    out.append('\n').append(parity(run)).append('\n');
    List<Outcome> failed = run.outcomes().stream().filter(Outcome::isFailure).toList();
    if (!failed.isEmpty()) {
      out.append("\nFailing:\n");
      failed.stream().limit(FAILURES_LISTED).forEach(outcome -> out.append("- `").append(outcome.golden().id())
          .append("` on ").append(outcome.host()).append(": ").append(outcome.verdict()).append(" [")
          .append(String.join(" ", outcome.golden().clauses())).append("]\n"));
      if (failed.size() > FAILURES_LISTED) {
        out.append("- … and ").append(failed.size() - FAILURES_LISTED).append(" more (see index.html)\n");
      }
    }
    out.append('\n').append(run.cases().size()).append(" cases × ").append(run.hosts().size())
        .append(run.hosts().size() == 1 ? " host" : " hosts").append(", checked in ")
        .append(String.format(Locale.ROOT, "%.1f s", run.took().toMillis() / 1000.0))
        .append(". Details: `index.html`, `junit-<host>.xml`.\n");
    return out.toString();
  }

  private static String parity(CheckedRun run) {
    if (run.hosts().size() < 2) {
      return "Parity: one host, nothing to compare.";
    }
    List<GoldenCase> split = Parity.disagreements(run);
    if (split.isEmpty()) {
      return "Parity: the hosts' transcripts agree on all " + run.cases().size() + " cases.";
    }
    return "Parity: the hosts' transcripts differ on " + split.size() + " of " + run.cases().size() + " cases: "
        + String.join(", ", split.stream().map(golden -> "`" + golden.id() + "` ("
            + String.join(", ", run.hosts().stream()
                .map(host -> host + " " + run.outcome(golden, host).map(o -> o.verdict().toString()).orElse("-"))
                .toList()) + ")").toList()) + ".";
  }
}
