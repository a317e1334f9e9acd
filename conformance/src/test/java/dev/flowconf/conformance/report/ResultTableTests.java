package dev.flowconf.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowconf.conformance.golden.CaseRequest;
import dev.flowconf.conformance.golden.GoldenCase;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTests {

  private static final GoldenCase HAPPY = golden("echo/s1-happy-path");
  private static final GoldenCase DECIMALS = golden("harness/echo-decimals");

  @Test
  void printsCasesAgainstHostsAlignedWithTotals() {
    List<Outcome> outcomes = List.of(
        Outcome.passed(HAPPY, "reference"), Outcome.passed(HAPPY, "workers"),
        Outcome.passed(DECIMALS, "reference"), Outcome.failed(DECIMALS, "workers", "diff"));

    assertEquals("""
        case                   reference  workers
        echo/s1-happy-path     PASS       PASS
        harness/echo-decimals  PASS       FAIL
        passed                 2/2        1/2
        2 cases × 2 hosts
        conformance: 3 passed, 1 failed
        """, ResultTable.render(outcomes));
  }

  @Test
  void digestsEachFailureToItsFirstLines() {
    List<Outcome> outcomes = List.of(Outcome.passed(HAPPY, "reference"),
        Outcome.failed(DECIMALS, "workers", "harness/echo-decimals @ workers [JSON-NUM-2]: differs\n--- a\n+++ b\n@@"));

    assertEquals("""
        FAIL harness/echo-decimals @ workers [JSON-NUM-2]: differs
          --- a
          … 2 more lines

        """, FailureDigest.render(outcomes, 2));
  }

  private static GoldenCase golden(String id) {
    return new GoldenCase(id, "d", List.of("JSON-NUM-2", "ECHO-RAW-1"), new CaseRequest("POST", "/", List.of(), new byte[0]));
  }
}
