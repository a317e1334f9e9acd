package dev.flowconf.conformance;

import static dev.flowconf.conformance.StandInHost.SSE_HEADERS;
import static dev.flowconf.conformance.StandInHost.STREAM_CHUNKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.golden.Expectations;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.report.Outcome;
import dev.flowconf.conformance.report.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Event-stream transcripts catch a host that breaks the SSE clauses: each stand-in host below differs
 * from a conforming one in one way, and the real approved transcript must fail it with a diff.
 */
@ExtendWith(PerJvmResources.class)
class StreamCheckTests {

  private static final String THREE_CHUNKS = "harness/stream-three-chunks";
  private static final String SSE_ERROR = "sse/preflight-error-for-sse-client";
  private static final String KEEP_ALIVE = "sse/site-stream-keep-alive";

  @TempDir
  Path goldensDir;

  private StandInHost host;
  private GoldenCopies copies;

  @BeforeEach
  void copyCasesAndStartHost() throws IOException {
    copies = GoldenCopies.of(goldensDir, THREE_CHUNKS, SSE_ERROR, KEEP_ALIVE);
    host = StandInHost.start();
  }

  @AfterEach
  void stopHost() {
    host.close();
  }

  @Test
  void aConformingStreamPassesWhateverKeepAlivesItCarries(PlaywrightRuntime playwright) {
    host.answer("/stream", 200, SSE_HEADERS, ": keepalive\n\n" + STREAM_CHUNKS.replace("\n\ndata: {\"chunk\":2}",
        "\n\n: keepalive\n\ndata: {\"chunk\":2}"));

    Outcome outcome = check(playwright, THREE_CHUNKS);

    assertEquals(Verdict.PASS, outcome.verdict(), () -> outcome.message().orElseThrow());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "SSE-DATA-1 no space after `data:`|data: {\"chunk\":0}|data:{\"chunk\":0}|+data:{\"chunk\":0}",
      "SSE-DATA-1 no blank line between events|{\"chunk\":0}\\n\\n|{\"chunk\":0}\\n|-\\n data: {",
      "SSE-DATA-1 JSON not compact|{\"chunk\":1}|{\"chunk\": 1}|+data: {\"chunk\": 1}",
      "SSE-DATA-1 an `id:` field|data: {\"chunk\":1}|id: 7\\ndata: {\"chunk\":1}|+id: 7",
      "STREAM-1 an extra event|{\"chunk\":2}\\n\\n|{\"chunk\":2}\\n\\ndata: {\"chunk\":3}\\n\\n|+  \"chunk\": 3",
      "STREAM-1 a missing event|data: {\"chunk\":2}\\n\\n|''|-  \"chunk\": 2",
      "SSE-END-1 a closing event|{\"chunk\":2}\\n\\n|{\"chunk\":2}\\n\\nevent: end\\ndata: null\\n\\n|+event: end"})
  void aStreamThatBreaksAClauseFails(String clause, String conforming, String broken, String diffLine,
      PlaywrightRuntime playwright) {
    host.answer("/stream", 200, SSE_HEADERS, STREAM_CHUNKS.replace(lineFeeds(conforming), lineFeeds(broken)));

    Outcome outcome = check(playwright, THREE_CHUNKS);

    assertFailsWith(outcome, lineFeeds(diffLine) + "\n", clause);
  }

  @Test
  void aStreamWithoutCacheControlFails(PlaywrightRuntime playwright) {
    host.answer("/stream", 200, "text/event-stream", STREAM_CHUNKS);

    assertFailsWith(check(playwright, THREE_CHUNKS), "-cache-control: no-cache\n", "SSE-HEADERS-1");
  }

  @Test
  void anErrorEventWithTheWrongCodeFails(PlaywrightRuntime playwright) {
    host.answer("/preflight", 200, SSE_HEADERS, "event: error\ndata: {\"code\":\"CAP102\",\"details\":{\"hints\":"
        + "[\"resource::kv::read\"]},\"error\":\"missing required capabilities\"}\n\n");

    assertFailsWith(check(playwright, SSE_ERROR), "-  \"code\": \"CAP101\",\n+  \"code\": \"CAP102\",\n", "SSE-ERROR-1");
  }

  @Test
  void anErrorAnsweredAsJsonToAnSseClientFails(PlaywrightRuntime playwright) {
    host.answer("/preflight", 500, "application/json",
        "{\"code\":\"CAP101\",\"details\":{\"hints\":[\"resource::kv::read\"]},\"error\":\"missing required capabilities\"}");

    assertFailsWith(check(playwright, SSE_ERROR), "+<<< 500\n+content-type: application/json\n", "SSE-ERROR-1");
  }

  @Test
  void aStreamWithoutTheRequiredKeepAlivesFails(PlaywrightRuntime playwright) {
    String approvedEvents = String.join("", IntStream.range(0, 6).mapToObj(i ->
        "data: {\"latency_ms\":" + (120 + 12 * i) + ",\"site\":\"kappa\",\"stage\":\""
            + (i == 0 ? "snapshot" : "update_" + (i - 1)) + "\",\"status\":\""
            + (i % 2 == 1 ? "degraded" : "operational") + "\"}\n\n").toList());
    host.answer("/site/stream", 200, SSE_HEADERS, approvedEvents);

    assertFailsWith(check(playwright, KEEP_ALIVE),
        "-keep-alive comments: present\n+keep-alive comments: none\n", "SSE-KEEPALIVE-1");
  }

  /** CSV rows cannot hold line feeds; they write {@code \\n}. */
  private static String lineFeeds(String csv) {
    return csv.replace("\\n", "\n");
  }

  private Outcome check(PlaywrightRuntime playwright, String caseId) {
    return new ConformanceCheck(playwright, copies.goldens(), Expectations.none(), Duration.ZERO)
        .check(copies.get(caseId), host.target("stand-in"));
  }

  private static void assertFailsWith(Outcome outcome, String diffLines, String clause) {
    String failure = outcome.message().orElse("(passed)");
    assertEquals(Verdict.FAIL, outcome.verdict(), clause + ": " + failure);
    assertTrue(failure.contains(diffLines), clause + ": the diff should show\n" + diffLines + "in\n" + failure);
  }
}
