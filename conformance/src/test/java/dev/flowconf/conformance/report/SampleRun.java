package dev.flowconf.conformance.report;

import dev.flowconf.conformance.golden.CaseCatalog;
import dev.flowconf.conformance.golden.Expectations;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.GoldenFiles;
import dev.flowconf.conformance.replay.Target;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A small run for the report tests, in a temporary goldens directory: four cases on two hosts with
 * every verdict. {@code echo/happy} passes on both; {@code echo/decimals} fails on workers only (a
 * disagreement); {@code flows/spill} is workers' XFAIL; {@code sse/stream} is an XPASS on reference
 * and fails on workers because the host gave no answer.
 */
final class SampleRun {

  static final String DIFF = """
      echo/decimals @ workers [JSON-NUM-2 ECHO-RAW-1]: the received transcript differs from the approved one
        received: /goldens/cases/echo/decimals.workers.received.txt
      --- decimals.approved.txt
      +++ decimals.workers.received.txt
      @@ -1,3 +1,3 @@
       <<< 200
      -1.1
      +1.10 <&> \u001b[31m
      """;

  final GoldenFiles goldens;
  final CheckedRun run;

  private SampleRun(GoldenFiles goldens, CheckedRun run) {
    this.goldens = goldens;
    this.run = run;
  }

  static SampleRun in(Path dir) throws IOException {
    writeCase(dir, "echo/happy", "ECHO-1", "S1 echo trims `value`");
    writeCase(dir, "echo/decimals", "JSON-NUM-2\", \"ECHO-RAW-1", "Decimals <kept> & \"copied\"");
    writeCase(dir, "flows/spill", "SPILL-HOST-1", "s6 spills");
    writeCase(dir, "sse/stream", "STREAM-1", "three chunks");
    Path ledger = dir.resolve("expectations/workers/flows/spill.json");
    Files.createDirectories(ledger.getParent());
    Files.writeString(ledger, "{\"expected\": \"FAIL\", \"clause\": \"SPILL-HOST-1\", \"reason\": \"no spill storage\"}");
    Path stale = dir.resolve("expectations/reference/sse/stream.json");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "{\"expected\": \"FAIL\", \"clause\": \"STREAM-1\", \"reason\": \"was broken\"}");
    GoldenFiles goldens = new GoldenFiles(dir);
    CaseCatalog catalog = CaseCatalog.load(goldens);
    Expectations expectations = Expectations.load(goldens, catalog);
    GoldenCase decimals = get(catalog, "echo/decimals");
    GoldenCase happy = get(catalog, "echo/happy");
    GoldenCase spill = get(catalog, "flows/spill");
    GoldenCase stream = get(catalog, "sse/stream");
    List<Outcome> outcomes = List.of(
        Outcome.passed(decimals, "reference").withTook(Duration.ofMillis(12)),
        Outcome.failed(decimals, "workers", DIFF).withReceived("<<< 200\n1.10\n").withTook(Duration.ofMillis(30)),
        Outcome.passed(happy, "reference"),
        Outcome.passed(happy, "workers"),
        Outcome.passed(spill, "reference"),
        Outcome.judged(spill, "workers", Optional.of("flows/spill @ workers [SPILL-HOST-1]: differs\n-<<< 200\n+<<< 400\n"),
            expectations.of("flows/spill", "workers")).withReceived("<<< 400\n"),
        Outcome.judged(stream, "reference", Optional.empty(), expectations.of("sse/stream", "reference")),
        Outcome.failed(stream, "workers", "sse/stream @ workers [STREAM-1]: request to http://127.0.0.1:2/stream "
            + "failed: connection refused"));
    List<Target> targets = List.of(new Target("reference", URI.create("http://127.0.0.1:1")),
        new Target("workers", URI.create("http://127.0.0.1:2")));
    return new SampleRun(goldens, new CheckedRun(catalog.cases(), targets, outcomes, expectations,
        Instant.parse("2026-01-02T03:04:05Z"), Duration.ofMillis(4321)));
  }

  private static void writeCase(Path dir, String id, String clauses, String description) throws IOException {
    Path file = dir.resolve("cases/" + id + ".case.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"description\": \"" + description.replace("\"", "\\\"") + "\", \"clauses\": [\""
        + clauses + "\"], \"request\": {\"method\": \"GET\", \"path\": \"/\"}}");
    Files.writeString(dir.resolve("cases/" + id + ".approved.txt"), "<<< 200\napproved " + id + "\n");
  }

  private static GoldenCase get(CaseCatalog catalog, String id) {
    return catalog.cases().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }
}
