package dev.flowconf.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Argument and setup errors, all caught before any host is contacted: exit code 2 and a reason. */
class FlowconfCliTests {

  @TempDir
  Path goldensDir;

  private final StringWriter err = new StringWriter();

  @Test
  void aMissingSubcommandIsAUsageError() {
    assertEquals(2, run());
    assertTrue(err.toString().contains("Missing required subcommand"), err.toString());
  }

  @Test
  void aTargetMustBeNameEqualsUrl() {
    assertEquals(2, run("run", "--target", "http://127.0.0.1:1"));
    assertTrue(err.toString().contains("expected NAME=URL"), err.toString());
  }

  @Test
  void targetNamesMustBeUnique() throws IOException {
    writeCase("echo/a");
    assertEquals(2, run("run", "--goldens", goldensDir.toString(),
        "--target", "w=http://127.0.0.1:1", "--target", "w=http://127.0.0.1:2"));
    assertTrue(err.toString().contains("each --target needs its own NAME"), err.toString());
  }

  @Test
  void aGlobThatSelectsNoCaseIsAnError() throws IOException {
    writeCase("echo/a");
    assertEquals(2, run("run", "--goldens", goldensDir.toString(), "--target", "w=http://127.0.0.1:1",
        "--case", "sse/*"));
    assertTrue(err.toString().contains("no case matches --case [sse/*]"), err.toString());
  }

  @Test
  void aClauseNoCaseCitesIsAnError() throws IOException {
    writeCase("echo/a");
    assertEquals(2, run("run", "--goldens", goldensDir.toString(), "--target", "w=http://127.0.0.1:1",
        "--clause", "SSE"));
    assertTrue(err.toString().contains("no case cites clause `SSE` or an id starting `SSE-`; the cases cite ids "
        + "starting C"), err.toString());
  }

  @Test
  void caseAndClauseSelectionsMustBothMatch() throws IOException {
    writeCase("echo/a");
    writeCase("sse/b");
    assertEquals(2, run("run", "--goldens", goldensDir.toString(), "--target", "w=http://127.0.0.1:1",
        "--case", "sse/*", "--clause", "C-1"));
    assertTrue(err.toString().contains("no case matches --case [sse/*] and --clause [C-1]"), err.toString());
  }

  @Test
  void aReportInsideGoldensIsRefusedBeforeAnythingRuns() throws IOException {
    writeCase("echo/a");
    assertEquals(2, run("run", "--goldens", goldensDir.toString(), "--target", "w=http://127.0.0.1:1",
        "--report", goldensDir.resolve("report").toString()));
    assertTrue(err.toString().contains("reports never go into goldens/"), err.toString());
  }

  @Test
  void aBrokenCaseFileIsNamed() throws IOException {
    Path broken = goldensDir.resolve("cases/echo/broken.case.json");
    Files.createDirectories(broken.getParent());
    Files.writeString(broken, "{\"description\": \"d\"}");

    assertEquals(2, run("run", "--goldens", goldensDir.toString(), "--target", "w=http://127.0.0.1:1"));
    assertTrue(err.toString().contains(broken + ": `clauses` is missing"), err.toString());
  }

  @Test
  void anExpectationForACaseThatDoesNotExistIsNamed() throws IOException {
    writeCase("echo/a");
    Path ledger = goldensDir.resolve("expectations/w/echo/b.json");
    Files.createDirectories(ledger.getParent());
    Files.writeString(ledger, "{\"expected\": \"FAIL\", \"clause\": \"C-1\", \"reason\": \"r\"}");

    assertEquals(2, run("run", "--goldens", goldensDir.toString(), "--target", "w=http://127.0.0.1:1"));
    assertTrue(err.toString().contains(ledger + ": no case `echo/b`"), err.toString());
  }

  @Test
  void profilesFeaturesAndRoutesMustNameATargetAndMakeSense() throws IOException {
    writeCase("echo/a");
    Files.writeString(goldensDir.resolve("features.json"), "{\"meta\": \"GET /meta\"}");
    Path profile = Files.createDirectories(goldensDir.resolve("profiles")).resolve("split.json");
    Files.writeString(profile, "{\"description\": \"d\", \"features\": [\"teleport\"]}");
    String goldens = goldensDir.toString();

    assertEquals(2, run("run", "--goldens", goldens, "--target", "w=http://127.0.0.1:1", "--route", "x:/a=http://h"));
    assertTrue(err.toString().contains("--route `x:/a=http://h` names no --target; the targets are w"), err.toString());
    assertEquals(2, run("run", "--goldens", goldens, "--target", "w=http://127.0.0.1:1", "--route", "w:a=http://h"));
    assertTrue(err.toString().contains("a route prefix starts with `/`"), err.toString());
    assertEquals(2, run("run", "--goldens", goldens, "--target", "w=http://127.0.0.1:1", "--features", "w=meta,tele"));
    assertTrue(err.toString().contains("unknown host feature `tele`; features.json names meta"), err.toString());
    assertEquals(2, run("run", "--goldens", goldens, "--target", "w=http://127.0.0.1:1", "--profile", "w=split"));
    assertTrue(err.toString().contains("split.json: `features`: unknown host feature `teleport`"), err.toString());
    assertEquals(2, run("run", "--goldens", goldens, "--target", "w=http://127.0.0.1:1", "--profile", "w=nope"));
    assertTrue(err.toString().contains("nope.json; the profiles are split"), err.toString());
  }

  @Test
  void theShippedProfilesLoad() {
    for (String name : new String[] {"axum", "axum-cli"}) {
      StringWriter out = new StringWriter();
      CommandLine cli = FlowconfCli.commandLine();
      cli.setErr(new PrintWriter(err, true));
      cli.setOut(new PrintWriter(out, true));
      // An unmatched --case stops the run after the targets are configured, before any request.
      assertEquals(2, cli.execute("run", "--goldens", dev.flowconf.conformance.TestPaths.goldens().toString(),
          "--target", "axum=http://127.0.0.1:9101", "--profile", "axum=" + name, "--case", "no/such-case"));
      assertTrue(err.toString().endsWith("flowconf: no case matches --case [no/such-case]\n"), err.toString());
    }
  }

  @Test
  void theKeepAliveIntervalMustBePositive() {
    assertEquals(2, run("run", "--target", "w=http://127.0.0.1:1", "--keepalive-ms", "0"));
    assertTrue(err.toString().contains("--keepalive-ms must be at least 1"), err.toString());
  }

  @Test
  void theNearestGoldensDirectoryIsFoundFromBelow() throws IOException {
    Path below = Files.createDirectories(goldensDir.resolve("checkout/conformance/target"));
    Path goldens = Files.createDirectories(goldensDir.resolve("checkout/goldens"));

    assertEquals(goldens, GoldensLocator.nearest(below));
  }

  private int run(String... args) {
    CommandLine cli = FlowconfCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  private void writeCase(String caseId) throws IOException {
    writeCase(caseId, caseId.startsWith("sse/") ? "C-2" : "C-1");
  }

  private void writeCase(String caseId, String clause) throws IOException {
    Path file = goldensDir.resolve("cases/" + caseId + ".case.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, """
        {"description": "d", "clauses": ["%s"], "request": {"method": "GET", "path": "/"}}
        """.formatted(clause));
  }
}
