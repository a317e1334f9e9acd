package dev.flowconf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.golden.CaseCatalog;
import dev.flowconf.conformance.golden.Expectations;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.replay.HostFeatures;
import dev.flowconf.conformance.replay.PathRoute;
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
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole check against a stand-in host, with copies of real cases and their approved transcripts. */
@ExtendWith(PerJvmResources.class)
class ConformanceCheckTests {

  private static final String HAPPY_PATH = "echo/s1-happy-path";
  private static final String SPILL = "flows/s6-spill-acks";
  private static final String HEALTH = "harness/health";
  private static final String PREFLIGHT_KV = "flows/s4-preflight-kv";

  @TempDir
  Path goldensDir;

  private StandInHost host;
  private GoldenCopies copies;

  @BeforeEach
  void copyCasesAndStartHost() throws IOException {
    copies = GoldenCopies.of(goldensDir, HAPPY_PATH, SPILL, HEALTH, PREFLIGHT_KV);
    host = StandInHost.start();
  }

  @AfterEach
  void stopHost() {
    host.close();
  }

  @Test
  void aHostAnsweringAsApprovedPasses(PlaywrightRuntime playwright) {
    host.answer("/echo", 200, "application/json", "{\"value\":\"hello\"}");

    Outcome outcome = check(playwright, Expectations.none()).check(copies.get(HAPPY_PATH), host.target("stand-in"));

    assertEquals(Verdict.PASS, outcome.verdict(), () -> outcome.message().orElseThrow());
  }

  @Test
  void aHostAnsweringDifferentlyFailsWithTheChangedLines(PlaywrightRuntime playwright) {
    host.answer("/echo", 200, "application/json; charset=utf-8", "{\"value\":\"HeLLo\"}");

    Outcome outcome = check(playwright, Expectations.none()).check(copies.get(HAPPY_PATH), host.target("stand-in"));

    String failure = outcome.message().orElseThrow();
    assertEquals(Verdict.FAIL, outcome.verdict());
    assertTrue(failure.contains("-content-type: application/json\n+content-type: application/json; charset=utf-8\n"),
        failure);
    assertTrue(failure.contains("-  \"value\": \"hello\"\n+  \"value\": \"HeLLo\"\n"), failure);
    assertTrue(Files.exists(goldensDir.resolve("cases/echo/s1-happy-path.stand-in.received.txt")));
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
    assertTrue(failure.startsWith("echo/s1-happy-path @ gone [ECHO-1 RESP-VALUE-1]: connection refused\n"
        + "POST http://127.0.0.1:" + closedPort + "/echo"), failure);
  }

  @Test
  void aFailureTheHostsLedgerExpectsIsXfailAndAPassAgainstItIsXpass(PlaywrightRuntime playwright) throws IOException {
    Path ledger = goldensDir.resolve("expectations/stand-in/" + SPILL + ".json");
    Files.createDirectories(ledger.getParent());
    Files.writeString(ledger, "{\"expected\": \"FAIL\", \"clause\": \"SPILL-HOST-1\", \"reason\": \"no spill storage\"}");
    ConformanceCheck check = check(playwright, Expectations.load(copies.goldens(), CaseCatalog.load(copies.goldens())));
    GoldenCase spill = copies.get(SPILL);

    host.answer("/spill", 400, "application/json", "{\"error\":\"unsupported_spill\",\"message\":\"…\"}");
    Outcome expectedFailure = check.check(spill, host.target("stand-in"));
    host.answer("/spill", 200, "application/json", "[{\"batch_id\":\"b-1\",\"item\":\"alpha\",\"stored\":true},"
        + "{\"batch_id\":\"b-1\",\"item\":\"beta\",\"stored\":true},{\"batch_id\":\"b-1\",\"item\":\"gamma\",\"stored\":true}]");
    Outcome unexpectedPass = check.check(spill, host.target("stand-in"));
    Outcome onAnotherHost = check.check(spill, host.target("other"));

    assertEquals(Verdict.XFAIL, expectedFailure.verdict(), "SPILL-HOST-1: the ledger excuses the failure");
    assertEquals(Verdict.XPASS, unexpectedPass.verdict(), () -> unexpectedPass.message().orElseThrow());
    assertTrue(unexpectedPass.isFailure(), "a stale expectation must be reported");
    assertEquals(Verdict.PASS, onAnotherHost.verdict(), "an expectation belongs to one host");
  }

  @Test
  void aCaseNeedingAFeatureTheTargetLacksIsNotApplicableAndNeverSent(PlaywrightRuntime playwright) {
    host.answer("/health", 200, "application/json", "{\"status\":\"ok\"}");
    ConformanceCheck check = check(playwright, Expectations.none());
    Target withoutHealth = host.target("bare").withFeatures(HostFeatures.only(Set.of("meta")));

    Outcome notApplicable = check.check(copies.get(HEALTH), withoutHealth);

    assertEquals(Verdict.NA, notApplicable.verdict());
    assertFalse(notApplicable.isFailure(), "N/A is never a failure");
    assertEquals("harness/health @ bare [HEALTH-1 RESP-VALUE-1]: N/A, the target lacks the host feature health",
        notApplicable.message().orElseThrow());
    assertEquals(List.of(), host.received(), "an N/A case is not sent");
    assertEquals(Verdict.PASS, check.check(copies.get(HEALTH), host.target("full")).verdict(),
        "a target claims every feature unless told otherwise");
  }

  @Test
  void aRoutedPrefixReachesItsOwnProcessWithThePrefixRewritten(PlaywrightRuntime playwright) throws IOException {
    try (StandInHost kvProcess = StandInHost.start()) {
      kvProcess.answer("/preflight", 200, "application/json", "{\"key\":\"k\",\"n\":[1,2]}");
      ConformanceCheck check = check(playwright, Expectations.none());
      URI kvUrl = URI.create(kvProcess.target("kv").baseUrl() + "/preflight");

      Outcome routed = check.check(copies.get(PREFLIGHT_KV),
          host.target("split").withRoutes(List.of(new PathRoute("/preflight/kv", kvUrl))));
      Outcome unrouted = check.check(copies.get(PREFLIGHT_KV), host.target("split"));

      assertEquals(Verdict.PASS, routed.verdict(), () -> routed.message().orElseThrow());
      assertEquals(List.of("/preflight"), kvProcess.received().stream().map(StandInHost.Received::path).toList());
      assertEquals(Verdict.FAIL, unrouted.verdict(), "without the route the base process answers 404");
      assertEquals(List.of("/preflight/kv"), host.received().stream().map(StandInHost.Received::path).toList());
    }
  }

  @Test
  void aPinnedDeviationExcusesOnlyThatAnswer(PlaywrightRuntime playwright) throws IOException {
    Path ledger = goldensDir.resolve("expectations/stand-in/" + SPILL + ".json");
    Files.createDirectories(ledger.getParent());
    Files.writeString(ledger, "{\"expected\": \"FAIL\", \"clause\": \"SPILL-HOST-1\", \"reason\": \"no spill\"}");
    host.answer("/spill", 400, "application/json", "{\"error\":\"unsupported_spill\"}");
    Outcome first = check(playwright, Expectations.none()).check(copies.get(SPILL), host.target("stand-in"));
    Files.writeString(goldensDir.resolve("expectations/stand-in/" + SPILL + ".deviation.txt"), first.received().orElseThrow());
    ConformanceCheck check = check(playwright, Expectations.load(copies.goldens(), CaseCatalog.load(copies.goldens())));

    Outcome asPinned = check.check(copies.get(SPILL), host.target("stand-in"));
    host.answer("/spill", 500, "application/json", "{\"error\":\"unsupported_spill\"}");
    Outcome otherwise = check.check(copies.get(SPILL), host.target("stand-in"));

    assertEquals(Verdict.XFAIL, asPinned.verdict(), () -> asPinned.message().orElseThrow());
    assertEquals(Verdict.FAIL, otherwise.verdict());
    String failure = otherwise.message().orElseThrow();
    assertTrue(failure.contains("differs from the approved transcript and also from the deviation "
        + "expectations/stand-in/flows/s6-spill-acks.deviation.txt pins (SPILL-HOST-1)"), failure);
    assertTrue(failure.contains("-<<< 400\n+<<< 500\n"), failure);
  }

  private ConformanceCheck check(PlaywrightRuntime playwright, Expectations expectations) {
    return new ConformanceCheck(playwright, copies.goldens(), expectations, Duration.ZERO);
  }
}
