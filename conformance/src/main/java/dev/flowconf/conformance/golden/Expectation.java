package dev.flowconf.conformance.golden;

import java.util.Objects;
import java.util.Optional;

/**
 * A host's recorded, agreed failure of one case (WPT's {@code expected: FAIL}): the case's clause
 * that allows it and why. The case stays neutral; the host owns this ledger entry.
 *
 * <p>{@code finding} says, for a host we do not own (upstream's), whether SPEC.md deliberately
 * differs from it or it has a defect, and where in its code. {@code deviation}, when recorded, pins
 * the exact transcript the host gives instead: a different wrong answer is then a FAIL, not an XFAIL.
 */
public record Expectation(String caseId, String host, String clause, String reason, Optional<Finding> finding,
    Optional<String> deviation) {

  public Expectation {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clause, "clause");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(deviation, "deviation");
  }

  /** An expected failure of one of our own hosts: a documented host-specific limit, nothing pinned. */
  public Expectation(String caseId, String host, String clause, String reason) {
    this(caseId, host, clause, reason, Optional.empty(), Optional.empty());
  }

  /** The clause and reason, with the finding's class when there is one: what a report shows of it. */
  public String summary() {
    return clause + finding.map(f -> ", " + f.kind().label()).orElse("") + ": " + reason;
  }

  /**
   * Why another host's answer differs: {@code kind}, {@code source} (repository, commit, file:line),
   * and, for a defect, how to reproduce it.
   */
  public record Finding(Kind kind, String source, Optional<String> reproduction) {

    public Finding {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(reproduction, "reproduction");
    }

    /** The classes of difference the issue tracker and SPEC.md §8 use. */
    public enum Kind {
      /** The host does what HTTP, its framework or its platform dictates, and SPEC.md deliberately differs. */
      SPEC_DIFFERS("spec-differs", "SPEC.md deliberately differs"),
      /** The host has a defect. */
      UPSTREAM_DEFECT("upstream-defect", "upstream defect");

      private final String id;
      private final String label;

      Kind(String id, String label) {
        this.id = id;
        this.label = label;
      }

      public String id() {
        return id;
      }

      public String label() {
        return label;
      }

      static Optional<Kind> byId(String id) {
        for (Kind kind : values()) {
          if (kind.id.equals(id)) {
            return Optional.of(kind);
          }
        }
        return Optional.empty();
      }
    }
  }
}
