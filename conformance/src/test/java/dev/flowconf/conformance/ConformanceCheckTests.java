package dev.flowconf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.golden.CaseCatalog;
import dev.flowconf.conformance.golden.Expectations;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.replay.Target;
import dev.flowconf.conformance.report.Outcome;
import dev.flowconf.conformance.report.Verdict;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole check against a canned host, with copies of real cases and their approved transcripts. */
@ExtendWith(PerJvmResources.class)
class ConformanceCheckTests {

  private static final String HAPPY_PATH = "echo/s1-happy-path";
  private static final String SPILL = "flows/s6-spill-acks";

  @TempDir
  Path goldensDir;

  private CannedHostTestCase host;
  private GoldenCopies copies;

  @BeforeEach
  void copyCasesAndStartHost() throws IOException {
    copies = GoldenCopies.of(goldensDir, HAPPY_PATH, SPILL);
    host = CannedHostTestCase.start();
  }

  @AfterEach
  void stopHost() {
    host.close();
  }

  @Test
  void aHostAnsweringAsApprovedPasses(PlaywrightRuntime playwright) {
    host.answer("/echo", 200, "application/json", "{\"value\":\"hello\"}");

    Outcome outcome = check(playwright, Expectations.none()).check(copies.get(HAPPY_PATH), host.target("canned"));

    assertEquals(Verdict.PASS, outcome.verdict(), () -> outcome.message().orElseThrow());
  }

  @Test
  void aHostAnsweringDifferentlyFailsWithTheChangedLines(PlaywrightRuntime playwright) {
    host.answer("/echo", 200, "application/json; charset=utf-8", "{\"value\":\"HeLLo\"}");

    Outcome outcome = check(playwright, Expectations.none()).check(copies.get(HAPPY_PATH), host.target("canned"));

    String failure = outcome.message().orElseThrow();
    assertEquals(Verdict.FAIL, outcome.verdict());
    assertTrue(failure.contains("-content-type: application/json\n+content-type: application/json; charset=utf-8\n"),
        failure);
    assertTrue(failure.contains("-  \"value\": \"hello\"\n+  \"value\": \"HeLLo\"\n"), failure);
    assertTrue(Files.exists(goldensDir.resolve("cases/echo/s1-happy-path.canned.received.txt")));
  }

  @Test
  void anUnreachableHostIsAFailedOutcomeNotAnAbort(PlaywrightRuntime playwright) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Target gone = new Target("gone", URI.create("http://127.0.0.1:" + closedPort));

    Outcome outcome = check(playwright, Expectations.none()).checkAll(List.of(copies.get(HAPPY_PATH)), List.of(gone))
        .get(0);

    String failure = outcome.message().orElseThrow();
    assertTrue(failure.startsWith("echo/s1-happy-path @ gone [ECHO-1 RESP-VALUE-1]: request to http://127.0.0.1:"
        + closedPort + "/echo failed: "), failure);
  }

  @Test
  void aFailureTheHostsLedgerExpectsIsXfailAndAPassAgainstItIsXpass(PlaywrightRuntime playwright) throws IOException {
    Path ledger = goldensDir.resolve("expectations/canned/" + SPILL + ".json");
    Files.createDirectories(ledger.getParent());
    Files.writeString(ledger, "{\"expected\": \"FAIL\", \"clause\": \"SPILL-HOST-1\", \"reason\": \"no spill storage\"}");
    ConformanceCheck check = check(playwright, Expectations.load(copies.goldens(), CaseCatalog.load(copies.goldens())));
    GoldenCase spill = copies.get(SPILL);

    host.answer("/spill", 400, "application/json", "{\"error\":\"unsupported_spill\",\"message\":\"…\"}");
    Outcome expectedFailure = check.check(spill, host.target("canned"));
    host.answer("/spill", 200, "application/json", "[{\"batch_id\":\"b-1\",\"item\":\"alpha\",\"stored\":true},"
        + "{\"batch_id\":\"b-1\",\"item\":\"beta\",\"stored\":true},{\"batch_id\":\"b-1\",\"item\":\"gamma\",\"stored\":true}]");
    Outcome unexpectedPass = check.check(spill, host.target("canned"));
    Outcome onAnotherHost = check.check(spill, host.target("other"));

    assertEquals(Verdict.XFAIL, expectedFailure.verdict(), "SPILL-HOST-1: the ledger excuses the failure");
    assertEquals(Verdict.XPASS, unexpectedPass.verdict(), () -> unexpectedPass.message().orElseThrow());
    assertTrue(unexpectedPass.isFailure(), "a stale expectation must be reported");
    assertEquals(Verdict.PASS, onAnotherHost.verdict(), "an expectation belongs to one host");
  }

  private ConformanceCheck check(PlaywrightRuntime playwright, Expectations expectations) {
    return new ConformanceCheck(playwright, copies.goldens(), expectations, Duration.ZERO);
  }
}
