package dev.flowconf.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.golden.CaseCatalog;
import dev.flowconf.conformance.golden.Expectations;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.GoldenFiles;
import dev.flowconf.conformance.replay.HostFeatures;
import dev.flowconf.conformance.replay.Target;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * N/A is its own state in every report: a case the target could not serve is neither a pass nor a
 * failure, is counted apart, and leaves the parity comparison alone. Two cases on two hosts:
 * {@code echo/happy} passes on both, {@code harness/meta} passes on reference and is N/A on axum.
 */
class NotApplicableReportTests {

  @TempDir
  Path dir;

  private CheckedRun run;
  private GoldenFiles goldens;

  @BeforeEach
  void runWithAnNaCell() throws IOException {
    Path root = dir.resolve("goldens");
    Files.createDirectories(root.resolve("cases/echo"));
    Files.createDirectories(root.resolve("cases/harness"));
    Files.writeString(root.resolve("features.json"), "{\"meta\": \"GET /meta\"}");
    Files.writeString(root.resolve("cases/echo/happy.case.json"),
        "{\"description\": \"d\", \"clauses\": [\"ECHO-1\"], \"request\": {\"method\": \"GET\", \"path\": \"/echo\"}}");
    Files.writeString(root.resolve("cases/harness/meta.case.json"), "{\"description\": \"d\", \"clauses\": [\"META-HTTP-1\"], "
        + "\"features\": [\"meta\"], \"request\": {\"method\": \"GET\", \"path\": \"/meta\"}}");
    Files.writeString(root.resolve("cases/echo/happy.approved.txt"), "<<< 200\n");
    Files.writeString(root.resolve("cases/harness/meta.approved.txt"), "<<< 200\n");
    goldens = new GoldenFiles(root);
    CaseCatalog catalog = CaseCatalog.load(goldens);
    GoldenCase happy = catalog.cases().get(0);
    GoldenCase meta = catalog.cases().get(1);
    Target axum = new Target("axum", URI.create("http://127.0.0.1:2")).withFeatures(HostFeatures.only(Set.of()));
    List<Outcome> outcomes = List.of(
        Outcome.passed(happy, "reference"), Outcome.passed(happy, "axum"),
        Outcome.passed(meta, "reference"), Outcome.notApplicable(meta, "axum", List.of("meta")));
    run = new CheckedRun(catalog.cases(), List.of(new Target("reference", URI.create("http://127.0.0.1:1")), axum),
        outcomes, Expectations.none(), Instant.parse("2026-01-02T03:04:05Z"), Duration.ofMillis(10));
  }

  @Test
  void theTableShowsNaAndCountsItApart() {
    String table = ResultTable.render(run.outcomes());

    assertTrue(table.contains("harness/meta  PASS       N/A\n"), table);
    assertTrue(table.contains("passed        2/2        1/1 +1 N/A\n"), table);
    assertTrue(table.endsWith("conformance: 3 passed, 0 expected failures (XFAIL), 0 failed; 1 not applicable (N/A)\n"),
        table);
    assertFalse(run.outcomes().get(3).isFailure());
    assertEquals("", FailureDigest.render(run.outcomes(), 10), "N/A is not a failure to digest");
  }

  @Test
  void theMarkdownHasAnNaColumnAndParityIgnoresIt() {
    String summary = MarkdownSummary.render(run);

    assertTrue(summary.contains("| host | target | PASS | FAIL | XFAIL | XPASS | N/A |\n"), summary);
    assertTrue(summary.contains("| axum | http://127.0.0.1:2 | 1 | 0 | 0 | 0 | 1 |\n"), summary);
    assertTrue(summary.contains("Parity: the hosts' transcripts agree on all 2 cases."), summary);
    assertEquals(List.of(), Parity.disagreements(run));
  }

  @Test
  void junitXmlSkipsItWithTheMissingFeatures() {
    String xml = JunitXmlReport.render(run, run.targets().get(1));

    assertTrue(xml.contains("tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"1\""), xml);
    assertTrue(xml.contains("<testcase name=\"harness/meta\" classname=\"harness\" time=\"0.000\">\n    "
        + "<skipped message=\"N/A, the target lacks the host feature meta\"/>\n  </testcase>"), xml);
  }

  @Test
  void theHtmlCellIsNaWithoutATranscriptOrDiff() throws IOException {
    Path report = dir.resolve("out/report");
    String index = Files.readString(ReportDirectory.write(run, goldens, report));

    assertTrue(index.contains("<td class=\"cell na\" title=\"harness/meta @ axum [META-HTTP-1]: N/A, the target lacks "
        + "the host feature meta\"><span class=\"verdict\">N/A</span></td>"), index);
    assertTrue(index.contains("http://127.0.0.1:2; features: none"), index);
    assertFalse(Files.exists(report.resolve("diffs/harness/meta.axum.html")), "N/A has no diff page");
  }
}
