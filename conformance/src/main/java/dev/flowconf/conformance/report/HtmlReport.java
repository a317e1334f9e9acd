package dev.flowconf.conformance.report;

import dev.flowconf.conformance.approval.TranscriptApproval;
import dev.flowconf.conformance.golden.Expectation;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.replay.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parity matrix, {@code index.html}: cases × hosts, grouped by topic, each cell a verdict linking
 * to the transcript (and, where there is one, to the page with the diff), under a header with each
 * host's totals and the cases the hosts disagree on. Self-contained: inline CSS, no script, no
 * external asset, so it reads the same from a file, a CI artifact or an e-mail.
 */
public final class HtmlReport {

  /** The report's style sheet, a resource so it reads and edits as CSS; inlined into every page. */
  static final String STYLE = styleSheet();

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private HtmlReport() {}

  private static String styleSheet() {
    try (InputStream css = HtmlReport.class.getResourceAsStream("report.css")) {
      if (css == null) {
        throw new IllegalStateException("report.css is missing from the class path beside HtmlReport");
      }
      return new String(css.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read report.css", e);
    }
  }

  /** {@code index.html}; links follow {@code layout}, which knows which approved transcripts were copied. */
  static String index(CheckedRun run, ReportLayout layout) {
    StringBuilder out = new StringBuilder();
    long failures = run.failures();
    page(out, "flowconf conformance: " + (failures == 0 ? "no failures" : failures + " failed"));
    out.append("<h1>flowconf conformance")
        .append(failures == 0 ? "<span class=\"status ok\">no failures</span>"
            : "<span class=\"status bad\">" + failures + " failed</span>")
        .append("</h1>\n");
    out.append("<p class=\"meta\">").append(run.cases().size()).append(" cases × ").append(run.hosts().size())
        .append(run.hosts().size() == 1 ? " host" : " hosts").append(" · checked in ")
        .append(String.format(Locale.ROOT, "%.1f s", run.took().toMillis() / 1000.0)).append(" · ")
        .append(WHEN.format(run.finishedAt())).append("</p>\n");
    totals(run, out);
    parity(run, out);
    failures(run, layout, out);
    matrix(run, layout, out);
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  /** The page behind a cell's diff link: what went wrong, the unified diff, and how to approve it. */
  static String diffPage(CheckedRun run, Outcome outcome, ReportLayout layout) {
    GoldenCase golden = outcome.golden();
    String up = ReportLayout.upFrom(ReportLayout.diffPath(golden.id(), outcome.host()));
    StringBuilder out = new StringBuilder();
    page(out, outcome.verdict() + " " + golden.id() + " @ " + outcome.host());
    out.append("<p><a href=\"").append(up).append("index.html#").append(Html.href(anchor(golden))).append("\">← matrix</a></p>\n");
    out.append("<h1><span class=\"verdict ").append(cssClass(outcome.verdict())).append("\">")
        .append(outcome.verdict()).append("</span> ").append(Html.escape(golden.id())).append(" @ ")
        .append(Html.escape(outcome.host())).append("</h1>\n<dl>\n");
    definition(out, "what", Html.prose(golden.description()));
    definition(out, "clauses", "<code>" + Html.escape(String.join(" ", golden.clauses())) + "</code> (SPEC.md)");
    run.targets().stream().filter(t -> t.name().equals(outcome.host())).findFirst()
        .ifPresent(target -> definition(out, "host", "<code>" + Html.escape(target.baseUrl().toString()) + "</code>"));
    run.expectation(outcome).ifPresent(expected -> definition(out, "expected to fail",
        "<code>" + Html.escape(expected.clause()) + "</code>: " + Html.escape(expected.reason())
            + " (<code>expectations/" + Html.escape(outcome.host() + "/" + golden.id()) + ".json</code>)"));
    run.expectation(outcome).flatMap(Expectation::finding).ifPresent(finding -> {
      definition(out, finding.kind().label(), "<code>" + Html.escape(finding.source()) + "</code>");
      finding.reproduction().ifPresent(steps -> definition(out, "reproduction", Html.prose(steps)));
    });
    if (outcome.received().isPresent()) {
      definition(out, "received", link(up + ReportLayout.receivedPath(golden.id(), outcome.host()),
          golden.id() + "." + outcome.host() + ".received.txt"));
    }
    layout.approvedOf(golden.id()).ifPresent(approved -> definition(out, "approved",
        link(up + approved, golden.id() + ".approved.txt")));
    if (outcome.verdict() == Verdict.FAIL && outcome.received().isPresent()) {
      definition(out, "to approve", "<code>" + Html.escape(TranscriptApproval.approveCommand(golden.id(), outcome.host()))
          + "</code>, if the received transcript is the correct behaviour");
    }
    out.append("</dl>\n<pre>");
    outcome.message().orElse("").lines().forEach(line -> out.append(diffLine(line)));
    out.append("</pre>\n</body>\n</html>\n");
    return out.toString();
  }

  private static void page(StringBuilder out, String title) {
    out.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(STYLE)
        .append("</style>\n</head>\n<body>\n");
  }

  private static void totals(CheckedRun run, StringBuilder out) {
    out.append("<table class=\"totals\">\n<thead><tr><th>host</th><th class=\"url\">target</th>");
    for (Verdict verdict : Verdict.values()) {
      out.append("<th><span class=\"verdict ").append(cssClass(verdict)).append("\">").append(verdict)
          .append("</span></th>");
    }
    out.append("<th title=\"PASS or XFAIL, of the cases that applied\">not failed</th></tr></thead>\n<tbody>\n");
    for (Target target : run.targets()) {
      Map<Verdict, Long> totals = run.totals(target.name());
      long checked = totals.values().stream().mapToLong(Long::longValue).sum() - totals.get(Verdict.NA);
      out.append("<tr><td><b>").append(Html.escape(target.name())).append("</b></td><td class=\"url mono\">")
          .append(Html.escape(target.baseUrl().toString()))
          .append(target.routes().isEmpty() ? "" : Html.escape(" + " + target.routes().size() + " routed prefixes"))
          .append(target.features().isAll() ? "" : Html.escape("; features: " + target.features())).append("</td>");
      totals.forEach((verdict, count) -> out.append("<td").append(count == 0 ? " class=\"zero\"" : "").append(">")
          .append(count).append("</td>"));
      out.append("<td>").append(totals.get(Verdict.PASS) + totals.get(Verdict.XFAIL)).append("/").append(checked)
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  private static void parity(CheckedRun run, StringBuilder out) {
    List<GoldenCase> split = Parity.disagreements(run);
    if (run.hosts().size() < 2) {
      out.append("<p class=\"parity\">Parity: one host, nothing to compare.</p>\n");
      return;
    }
    out.append("<p class=\"parity").append(split.isEmpty() ? "" : " split").append("\"><b>Parity:</b> ");
    if (split.isEmpty()) {
      out.append("the hosts' transcripts agree on all ").append(run.cases().size()).append(" cases.</p>\n");
      return;
    }
    out.append("the hosts' transcripts agree on ").append(run.cases().size() - split.size()).append(" of ")
        .append(run.cases().size()).append(" cases and differ on ").append(split.size()).append(": ");
    List<String> links = new ArrayList<>();
    for (GoldenCase golden : split) {
      links.add("<a href=\"#" + Html.href(anchor(golden)) + "\">" + Html.escape(golden.id()) + "</a> ("
          + String.join(", ", run.hosts().stream()
              .map(host -> host + " " + run.outcome(golden, host).map(o -> o.verdict().toString()).orElse("–"))
              .toList()) + ")");
    }
    out.append(String.join(", ", links)).append(".</p>\n");
  }

  private static void failures(CheckedRun run, ReportLayout layout, StringBuilder out) {
    List<Outcome> failed = run.outcomes().stream().filter(Outcome::isFailure).toList();
    if (failed.isEmpty()) {
      return;
    }
    out.append("<h2>Failures</h2>\n<ul class=\"failures\">\n");
    for (Outcome outcome : failed) {
      out.append("<li><span class=\"verdict ").append(cssClass(outcome.verdict())).append("\">")
          .append(outcome.verdict()).append("</span> <a href=\"").append(Html.href(layout.diffOf(outcome).orElseThrow()))
          .append("\">").append(Html.escape(outcome.golden().id())).append(" @ ").append(Html.escape(outcome.host()))
          .append("</a> <code>").append(Html.escape(String.join(" ", outcome.golden().clauses())))
          .append("</code></li>\n");
    }
    out.append("</ul>\n");
  }

  private static void matrix(CheckedRun run, ReportLayout layout, StringBuilder out) {
    out.append("<h2>Cases</h2>\n<p class=\"legend\">Each cell links to the host's transcript (the received one "
        + "where it differed, else the approved one) and, where it failed, to the diff.<br>");
    for (Verdict verdict : Verdict.values()) {
      out.append("<span class=\"verdict ").append(cssClass(verdict)).append("\">").append(verdict).append("</span>")
          .append(Html.escape(legend(verdict)));
    }
    out.append("</p>\n<table class=\"matrix\">\n<thead><tr><th>case</th><th>what</th><th>clauses</th>");
    run.hosts().forEach(host -> out.append("<th class=\"host\">").append(Html.escape(host)).append("</th>"));
    out.append("</tr></thead>\n");
    List<GoldenCase> split = Parity.disagreements(run);
    byTopic(run.cases()).forEach((topic, cases) -> {
      out.append("<tbody>\n<tr class=\"topic\"><th colspan=\"").append(3 + run.hosts().size()).append("\">")
          .append(Html.escape(topic)).append("<span>").append(cases.size()).append(cases.size() == 1 ? " case" : " cases")
          .append("</span></th></tr>\n");
      for (GoldenCase golden : cases) {
        boolean diverges = split.contains(golden);
        out.append("<tr id=\"").append(Html.escape(anchor(golden))).append("\"").append(diverges ? " class=\"split\"" : "")
            .append("><td class=\"case mono\">").append(Html.escape(CheckedRun.nameOf(golden)))
            .append(diverges ? "<span class=\"diverge\" title=\"the hosts' transcripts differ\">≠</span>" : "")
            .append("</td><td class=\"desc\">").append(Html.prose(golden.description()))
            .append("</td><td class=\"clauses mono\">").append(Html.escape(String.join(" ", golden.clauses())))
            .append("</td>");
        run.hosts().forEach(host -> out.append(cell(run.outcome(golden, host), layout)));
        out.append("</tr>\n");
      }
      out.append("</tbody>\n");
    });
    out.append("</table>\n");
  }

  private static String cell(Optional<Outcome> checked, ReportLayout layout) {
    if (checked.isEmpty()) {
      return "<td class=\"cell none\"><span class=\"verdict\">–</span></td>";
    }
    Outcome outcome = checked.get();
    StringBuilder cell = new StringBuilder("<td class=\"cell ").append(cssClass(outcome.verdict())).append("\"");
    outcome.message().ifPresent(message -> cell.append(" title=\"").append(Html.escape(message.lines().findFirst()
        .orElse(""))).append("\""));
    cell.append(">");
    Optional<String> transcript = layout.transcriptOf(outcome);
    if (transcript.isPresent()) {
      cell.append("<a class=\"verdict\" href=\"").append(Html.href(transcript.get())).append("\">")
          .append(outcome.verdict()).append("</a>");
    } else {
      cell.append("<span class=\"verdict\">").append(outcome.verdict()).append("</span>");
    }
    layout.diffOf(outcome).ifPresent(diff -> cell.append("<a class=\"diff\" href=\"").append(Html.href(diff))
        .append("\">diff</a>"));
    return cell.append("</td>").toString();
  }

  private static Map<String, List<GoldenCase>> byTopic(List<GoldenCase> cases) {
    Map<String, List<GoldenCase>> topics = new LinkedHashMap<>();
    cases.forEach(golden -> topics.computeIfAbsent(CheckedRun.topicOf(golden), t -> new ArrayList<>()).add(golden));
    return topics;
  }

  private static String diffLine(String line) {
    String text = Html.escape(line);
    if (line.startsWith("--- ") || line.startsWith("+++ ")) {
      return "<span class=\"file\">" + text + "</span>\n";
    }
    if (line.startsWith("@@")) {
      return "<span class=\"hunk\">" + text + "</span>\n";
    }
    if (line.startsWith("+")) {
      return "<span class=\"add\">" + text + "</span>\n";
    }
    if (line.startsWith("-")) {
      return "<span class=\"del\">" + text + "</span>\n";
    }
    return text + "\n";
  }

  private static void definition(StringBuilder out, String term, String html) {
    out.append("<dt>").append(Html.escape(term)).append("</dt><dd>").append(html).append("</dd>\n");
  }

  private static String link(String href, String text) {
    return "<a href=\"" + Html.href(href) + "\"><code>" + Html.escape(text) + "</code></a>";
  }

  static String anchor(GoldenCase golden) {
    return "case-" + golden.id();
  }

  static String cssClass(Verdict verdict) {
    return verdict.name().toLowerCase(Locale.ROOT);
  }

  private static String legend(Verdict verdict) {
    return switch (verdict) {
      case PASS -> "matches the approved transcript";
      case FAIL -> "differs, or no answer";
      case XFAIL -> "differs, as the host's expectations file says (not a failure)";
      case XPASS -> "matches, but the host's expectations file says it fails (stale: a failure)";
      case NA -> "not applicable: needs a host feature the target lacks, so not sent (neither pass nor failure)";
    };
  }
}
