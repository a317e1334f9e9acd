package dev.flowconf.conformance.golden;

import java.util.Objects;

/**
 * A host's recorded, agreed failure of one case (WPT's {@code expected: FAIL}): the case's clause
 * that allows it and why. The case stays neutral; the host owns this ledger entry.
 */
public record Expectation(String caseId, String host, String clause, String reason) {

  public Expectation {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clause, "clause");
    Objects.requireNonNull(reason, "reason");
  }
}
