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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser checks (EventSource, aborted fetches watched through the run probe) pass a stand-in host
 * that behaves and fail one that breaks the clause, judged by the real approved transcripts.
 */
@ExtendWith(PerJvmResources.class)
class BrowserCheckTests {

  private static final String EVENTSOURCE = "sse/eventsource-stream";
  private static final String ABORT_STREAM = "cancellation/cancel-stream-abort";
  private static final String ABORT_VALUE = "cancellation/slow-value-abort";

  @TempDir
  Path goldensDir;

  private StandInHost host;
  private GoldenCopies copies;

  @BeforeEach
  void copyCasesAndStartHost() throws IOException {
    copies = GoldenCopies.of(goldensDir, EVENTSOURCE, ABORT_STREAM, ABORT_VALUE);
    host = StandInHost.start();
  }

  @AfterEach
  void stopHost() {
    host.close();
  }

  @Test
  void eventSourceReadsAConformingStreamToItsEnd(PlaywrightRuntime playwright) {
    host.answer("/stream", 200, SSE_HEADERS, STREAM_CHUNKS);

    Outcome outcome = check(playwright, EVENTSOURCE);

    assertEquals(Verdict.PASS, outcome.verdict(), () -> outcome.message().orElseThrow());
  }

  @Test
  void eventSourceShowsAnExtraEventAndAMissingOne(PlaywrightRuntime playwright) {
    host.answer("/stream", 200, SSE_HEADERS, STREAM_CHUNKS + "data: {\"chunk\":3}\n\n");
    assertFailsWith(check(playwright, EVENTSOURCE), "+  \"chunk\": 3\n", "STREAM-1");

    host.answer("/stream", 200, SSE_HEADERS, STREAM_CHUNKS.replace("data: {\"chunk\":2}\n\n", ""));
    assertFailsWith(check(playwright, EVENTSOURCE), "-  \"chunk\": 2\n", "STREAM-1");
  }

  @Test
  void eventSourceGivesUpOnAnAnswerThatIsNotAnEventStream(PlaywrightRuntime playwright) {
    host.answer("/stream", 200, "application/json", "[0,1,2]");

    assertFailsWith(check(playwright, EVENTSOURCE),
        "+connection failed: the source gave up (not a 200 text/event-stream answer)\n", "SSE-HEADERS-1");
  }

  @Test
  void anAbortedStreamPassesWhenTheProbeShowsItsRunCancelled(PlaywrightRuntime playwright) {
    host.streamUntilTheClientLeaves("/cancel", true);

    Outcome outcome = check(playwright, ABORT_STREAM);

    assertEquals(Verdict.PASS, outcome.verdict(), () -> outcome.message().orElseThrow());
  }

  @Test
  void anAbortedStreamFailsWhenTheProbeNeverShowsItsRunCancelled(PlaywrightRuntime playwright) {
    host.streamUntilTheClientLeaves("/cancel", false);

    Outcome outcome = check(playwright, ABORT_STREAM);

    assertFailsWith(outcome, "-cancelled: grew by at least 1\n-active: 0\n+cancelled: did not grow within 2000 ms",
        "CANCEL-1");
    assertTrue(outcome.message().orElseThrow().contains("+active: never 0 within 2000 ms (before the request "
        + "{\"active\":0,\"cancelled\":0,\"completed\":0,\"started\":0}, last {\"active\":1,"), "CANCEL-1");
  }

  @Test
  void aProbeAnswerThatBreaksItsFormatFails(PlaywrightRuntime playwright) {
    host.streamUntilTheClientLeaves("/cancel", true)
        .answer("/__flowconf/runs", 200, "application/json", "{\"started\":1,\"active\":0,\"cancelled\":1,\"completed\":0}");

    assertFailsWith(check(playwright, ABORT_STREAM), "+run probe: answered {\"started\":1,", "PROBE-1");
  }

  @Test
  void aValueRunThatAnswersBeforeTheAbortFails(PlaywrightRuntime playwright) {
    host.answer("/harness/slow", 200, "application/json", "{\"n\":1}");

    assertFailsWith(check(playwright, ABORT_VALUE), "-aborted by the client before any answer\n", "CANCEL-2");
  }

  private Outcome check(PlaywrightRuntime playwright, String caseId) {
    return new ConformanceCheck(playwright, copies.goldens(), Expectations.none(), Duration.ZERO)
        .check(copies.get(caseId), host.target("stand-in"));
  }

  private static void assertFailsWith(Outcome outcome, String diffLines, String clause) {
    String failure = outcome.message().orElse("(passed)");
    assertEquals(Verdict.FAIL, outcome.verdict(), clause + ": " + failure);
    assertTrue(failure.contains(diffLines), clause + ": the diff should show\n" + diffLines + "\nin\n" + failure);
  }
}
