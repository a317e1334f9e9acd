package dev.flowconf.conformance.report;

import java.util.Optional;
import java.util.Set;

/**
 * Where things go inside a report directory, as paths relative to it (so the report can be moved
 * or published as a CI artifact): {@code transcripts/<case-id>.approved.txt},
 * {@code transcripts/<case-id>.<host>.received.txt}, {@code diffs/<case-id>.<host>.html}.
 */
record ReportLayout(Set<String> casesWithApproved) {

  ReportLayout {
    casesWithApproved = Set.copyOf(casesWithApproved);
  }

  static String approvedPath(String caseId) {
    return "transcripts/" + caseId + ".approved.txt";
  }

  static String receivedPath(String caseId, String host) {
    return "transcripts/" + caseId + "." + host + ".received.txt";
  }

  static String diffPath(String caseId, String host) {
    return "diffs/" + caseId + "." + host + ".html";
  }

  /** From a page at {@code path} back to the report directory: {@code diffs/echo/x.html} → {@code ../../}. */
  static String upFrom(String path) {
    return "../".repeat((int) path.chars().filter(c -> c == '/').count());
  }

  /** The transcript a cell shows: what the host gave if it differed, else the approved one, if any. */
  Optional<String> transcriptOf(Outcome outcome) {
    if (outcome.verdict() == Verdict.NA) {
      return Optional.empty(); // never sent: no transcript is this host's
    }
    if (outcome.received().isPresent()) {
      return Optional.of(receivedPath(outcome.golden().id(), outcome.host()));
    }
    return approvedOf(outcome.golden().id());
  }

  Optional<String> approvedOf(String caseId) {
    return casesWithApproved.contains(caseId) ? Optional.of(approvedPath(caseId)) : Optional.empty();
  }

  /** The page with the failure's message and diff, for every outcome that has one (FAIL, XFAIL, XPASS). */
  Optional<String> diffOf(Outcome outcome) {
    if (outcome.verdict() == Verdict.NA) {
      return Optional.empty();
    }
    return outcome.message().map(message -> diffPath(outcome.golden().id(), outcome.host()));
  }
}
