package dev.flowconf.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowconf.conformance.golden.CaseKind;
import dev.flowconf.conformance.golden.CaseRequest;
import dev.flowconf.conformance.golden.Expectation;
import dev.flowconf.conformance.golden.GoldenCase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultTableTests {

  private static final GoldenCase HAPPY = golden("echo/s1-happy-path");
  private static final GoldenCase DECIMALS = golden("harness/echo-decimals");
  private static final GoldenCase SPILL = golden("flows/s6-spill-acks");
  private static final Optional<Expectation> SPILL_FAILS_ON_WORKERS = Optional.of(
      new Expectation("flows/s6-spill-acks", "workers", "SPILL-HOST-1", "workerd has no spill storage"));

  @Test
  void printsCasesAgainstHostsAlignedWithTotals() {
    List<Outcome> outcomes = List.of(
        Outcome.passed(HAPPY, "reference"), Outcome.passed(HAPPY, "workers"),
        Outcome.passed(DECIMALS, "reference"), Outcome.failed(DECIMALS, "workers", "diff"),
        Outcome.passed(SPILL, "reference"), Outcome.judged(SPILL, "workers", Optional.of("diff"), SPILL_FAILS_ON_WORKERS));

    assertEquals("""
        case                   reference  workers
        echo/s1-happy-path     PASS       PASS
        harness/echo-decimals  PASS       FAIL
        flows/s6-spill-acks    PASS       XFAIL
        passed                 3/3        1/3 +1 XFAIL
        3 cases × 2 hosts
        conformance: 4 passed, 1 expected failures (XFAIL), 1 failed
        """, ResultTable.render(outcomes));
  }

  @Test
  void anUnexpectedPassIsAFailureThatNamesTheStaleExpectation() {
    Outcome outcome = Outcome.judged(SPILL, "workers", Optional.empty(), SPILL_FAILS_ON_WORKERS);

    assertEquals(Verdict.XPASS, outcome.verdict());
    assertEquals("""
        XPASS flows/s6-spill-acks @ workers [JSON-NUM-2 ECHO-RAW-1]: passed, but expectations/workers/flows/s6-spill-acks.json expects FAIL (SPILL-HOST-1: workerd has no spill storage); if the host now conforms, delete that file

        """, FailureDigest.render(List.of(outcome), 5));
    assertEquals("conformance: 0 passed, 0 expected failures (XFAIL), 1 failed\n",
        ResultTable.render(List.of(outcome)).lines().reduce((a, b) -> b).orElseThrow() + "\n");
  }

  @Test
  void digestsEachFailureToItsFirstLinesAndSkipsExpectedFailures() {
    List<Outcome> outcomes = List.of(Outcome.passed(HAPPY, "reference"),
        Outcome.failed(DECIMALS, "workers", "harness/echo-decimals @ workers [JSON-NUM-2]: differs\n--- a\n+++ b\n@@"),
        Outcome.judged(SPILL, "workers", Optional.of("flows/s6-spill-acks @ workers: differs"),
            SPILL_FAILS_ON_WORKERS));

    assertEquals("""
        FAIL harness/echo-decimals @ workers [JSON-NUM-2]: differs
          --- a
          … 2 more lines

        """, FailureDigest.render(outcomes, 2));
  }

  private static GoldenCase golden(String id) {
    return new GoldenCase(id, "d", List.of("JSON-NUM-2", "ECHO-RAW-1"), new CaseKind.Exchange(false),
        new CaseRequest("POST", "/", List.of(), new byte[0]));
  }
}
