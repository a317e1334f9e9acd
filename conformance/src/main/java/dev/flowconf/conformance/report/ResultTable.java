package dev.flowconf.conformance.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Cases × hosts as an aligned table of verdicts (PASS, FAIL, XFAIL, XPASS, N/A), with per-host and overall totals. */
public final class ResultTable {

  private static final String GAP = "  ";

  private ResultTable() {}

  public static String render(List<Outcome> outcomes) {
    List<String> caseIds = distinct(outcomes.stream().map(o -> o.golden().id()).toList());
    List<String> hosts = distinct(outcomes.stream().map(Outcome::host).toList());
    List<List<String>> rows = new ArrayList<>();
    rows.add(concat("case", hosts));
    for (String caseId : caseIds) {
      rows.add(concat(caseId, hosts.stream().map(host -> cell(outcomes, caseId, host)).toList()));
    }
    rows.add(concat("passed", hosts.stream().map(host -> passedOf(outcomes, host)).toList()));

    StringBuilder out = new StringBuilder();
    rows.forEach(row -> appendAligned(row, columnWidths(rows), out));
    out.append(caseIds.size()).append(" cases × ").append(hosts.size()).append(hosts.size() == 1 ? " host\n" : " hosts\n");
    out.append("conformance: ").append(count(outcomes, Verdict.PASS)).append(" passed, ")
        .append(count(outcomes, Verdict.XFAIL)).append(" expected failures (XFAIL), ")
        .append(outcomes.stream().filter(Outcome::isFailure).count()).append(" failed")
        .append(count(outcomes, Verdict.NA) > 0 ? "; " + count(outcomes, Verdict.NA) + " not applicable (N/A)" : "")
        .append('\n');
    return out.toString();
  }

  private static String cell(List<Outcome> outcomes, String caseId, String host) {
    Optional<Outcome> outcome = outcomes.stream()
        .filter(o -> o.golden().id().equals(caseId) && o.host().equals(host))
        .findFirst();
    return outcome.map(o -> o.verdict().toString()).orElse("-");
  }

  private static String passedOf(List<Outcome> outcomes, String host) {
    // N/A cases were not checked: "passed" counts out of the cases the host was held to.
    List<Outcome> ofHost = outcomes.stream().filter(o -> o.host().equals(host)).toList();
    long expectedFailures = count(ofHost, Verdict.XFAIL);
    long notApplicable = count(ofHost, Verdict.NA);
    return count(ofHost, Verdict.PASS) + "/" + (ofHost.size() - notApplicable)
        + (expectedFailures > 0 ? " +" + expectedFailures + " XFAIL" : "")
        + (notApplicable > 0 ? " +" + notApplicable + " N/A" : "");
  }

  private static long count(List<Outcome> outcomes, Verdict verdict) {
    return outcomes.stream().filter(o -> o.verdict() == verdict).count();
  }

  private static int[] columnWidths(List<List<String>> rows) {
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], row.get(c).codePointCount(0, row.get(c).length()));
      }
    }
    return widths;
  }

  private static void appendAligned(List<String> row, int[] widths, StringBuilder out) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < row.size(); c++) {
      String text = row.get(c);
      line.append(text);
      if (c < row.size() - 1) {
        line.append(" ".repeat(widths[c] - text.codePointCount(0, text.length()))).append(GAP);
      }
    }
    out.append(line).append('\n');
  }

  private static List<String> distinct(List<String> values) {
    return List.copyOf(new LinkedHashSet<>(values));
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> row = new ArrayList<>();
    row.add(first);
    row.addAll(rest);
    return row;
  }
}
