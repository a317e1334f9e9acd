package dev.flowconf.conformance.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report directory: the matrix's cells, where they link, and that every link lands on a file. */
class HtmlReportTests {

  private static final Pattern ROW = Pattern.compile("<tr id=\"case-([^\"]+)\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern CELL = Pattern.compile("<td class=\"cell (\\w+)\"[^>]*>(.*?)</td>", Pattern.DOTALL);
  private static final Pattern HREF = Pattern.compile("href=\"([^\"#]+)\"");

  /** One matrix cell: its verdict class and the links in it. */
  private record Cell(String verdict, List<String> links) {}

  @TempDir
  Path dir;

  private SampleRun sample;
  private Path report;
  private String index;

  @BeforeEach
  void writeReport() throws Exception {
    sample = SampleRun.in(dir.resolve("goldens"));
    report = dir.resolve("out/report");
    index = Files.readString(ReportDirectory.write(sample.run, sample.goldens, report));
  }

  @Test
  void aCellPerCaseAndHostColouredByVerdictLinkingToTheTranscriptAndForFailuresTheDiff() {
    Map<String, List<Cell>> rows = cells(index);

    assertAll(
        () -> assertEquals(List.of("echo/happy", "echo/decimals", "flows/spill", "sse/stream").stream().sorted().toList(),
            rows.keySet().stream().sorted().toList()),
        () -> assertEquals(new Cell("pass", List.of("transcripts/echo/happy.approved.txt")), rows.get("echo/happy").get(0)),
        () -> assertEquals(new Cell("pass", List.of("transcripts/echo/decimals.approved.txt")),
            rows.get("echo/decimals").get(0)),
        () -> assertEquals(new Cell("fail", List.of("transcripts/echo/decimals.workers.received.txt",
            "diffs/echo/decimals.workers.html")), rows.get("echo/decimals").get(1)),
        () -> assertEquals(new Cell("xfail", List.of("transcripts/flows/spill.workers.received.txt",
            "diffs/flows/spill.workers.html")), rows.get("flows/spill").get(1)),
        () -> assertEquals(new Cell("xpass", List.of("transcripts/sse/stream.approved.txt",
            "diffs/sse/stream.reference.html")), rows.get("sse/stream").get(0)),
        () -> assertEquals(new Cell("fail", List.of("transcripts/sse/stream.approved.txt",
            "diffs/sse/stream.workers.html")), rows.get("sse/stream").get(1), "no answer: no received transcript"));
  }

  @Test
  void everyLinkLandsOnAFileInTheReportWithWhatTheHostGave() throws Exception {
    List<String> links = new ArrayList<>();
    cells(index).values().forEach(row -> row.forEach(cell -> links.addAll(cell.links())));

    for (String link : links) {
      assertTrue(Files.isRegularFile(report.resolve(link)), link);
    }
    assertEquals("<<< 200\n1.10\n", Files.readString(report.resolve("transcripts/echo/decimals.workers.received.txt")));
    assertEquals("<<< 200\napproved echo/happy\n", Files.readString(report.resolve("transcripts/echo/happy.approved.txt")));
    String diff = Files.readString(report.resolve("diffs/echo/decimals.workers.html"));
    assertAll(
        () -> assertTrue(diff.contains("<span class=\"del\">-1.1</span>"), diff),
        () -> assertTrue(diff.contains("<span class=\"add\">+1.10 &lt;&amp;&gt; "), diff),
        () -> assertTrue(diff.contains("href=\"../../index.html#case-echo/decimals\""), diff),
        () -> assertTrue(diff.contains("href=\"../../transcripts/echo/decimals.workers.received.txt\""), diff),
        () -> assertTrue(diff.contains("flowconf approve echo/decimals --host workers"), diff));
  }

  @Test
  void theHeaderHasTotalsPerHostAndTheCasesTheHostsDisagreeOn() {
    assertAll(
        () -> assertTrue(index.contains("<span class=\"status bad\">3 failed</span>"), index),
        () -> assertTrue(index.contains("<td><b>workers</b></td><td class=\"url mono\">http://127.0.0.1:2</td>"
            + "<td>1</td><td>2</td><td>1</td><td class=\"zero\">0</td><td class=\"zero\">0</td><td>2/4</td>"), index),
        () -> assertTrue(index.contains("differ on 3: <a href=\"#case-echo/decimals\">echo/decimals</a> "
            + "(reference PASS, workers FAIL)"), index),
        () -> assertTrue(index.contains("<tr class=\"topic\"><th colspan=\"5\">echo<span>2 cases</span>"), index),
        () -> assertTrue(index.contains("S1 echo trims <code>value</code>"), "code spans of descriptions"),
        () -> assertTrue(index.contains("Decimals &lt;kept&gt; &amp; &quot;copied&quot;"), "escaped"));
  }

  @Test
  void theReportIsSelfContained() {
    for (String external : List.of("<script", "<link", " src=", "url(", "@import", "href=\"http", "href=\"//")) {
      assertFalse(index.contains(external), "index.html must not load anything: " + external);
    }
    assertTrue(index.contains("<style>"));
  }

  @Test
  void everyPageInlinesTheStyleSheetFromTheClassPath() throws Exception {
    String css;
    try (var in = HtmlReport.class.getResourceAsStream("report.css")) {
      css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String inlined = "<style>\n" + css + "</style>\n";

    assertTrue(css.contains("\n.verdict { display: inline-block;"), "the rule every verdict badge uses");
    assertTrue(index.contains(inlined), index);
    assertTrue(Files.readString(report.resolve("diffs/echo/decimals.workers.html")).contains(inlined));
  }

  @Test
  void aSecondRunReplacesTheFirstRunsFilesButNothingElse() throws Exception {
    Path stale = report.resolve("diffs/gone/case.workers.html");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "old");
    Path mine = Files.writeString(report.resolve("notes.txt"), "mine");

    ReportDirectory.write(sample.run, sample.goldens, report);

    assertFalse(Files.exists(stale));
    assertTrue(Files.exists(mine));
    assertTrue(Files.exists(report.resolve("junit-reference.xml")));
    assertTrue(Files.exists(report.resolve("summary.md")));
  }

  @Test
  void aReportNeverGoesIntoGoldens() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> ReportDirectory.write(sample.run, sample.goldens, dir.resolve("goldens/report")));

    assertTrue(refused.getMessage().contains("reports never go into goldens/"), refused.getMessage());
    assertFalse(Files.exists(dir.resolve("goldens/report")));
  }

  private static Map<String, List<Cell>> cells(String html) {
    Map<String, List<Cell>> rows = new LinkedHashMap<>();
    Matcher row = ROW.matcher(html);
    while (row.find()) {
      List<Cell> cells = new ArrayList<>();
      Matcher cell = CELL.matcher(row.group(2));
      while (cell.find()) {
        List<String> links = new ArrayList<>();
        Matcher href = HREF.matcher(cell.group(2));
        while (href.find()) {
          links.add(href.group(1));
        }
        cells.add(new Cell(cell.group(1), links));
      }
      rows.put(row.group(1), cells);
    }
    return rows;
  }
}
