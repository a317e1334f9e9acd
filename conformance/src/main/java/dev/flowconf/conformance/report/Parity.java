package dev.flowconf.conformance.report;

import dev.flowconf.conformance.golden.GoldenCase;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the hosts behave alike, case by case, whatever the approved transcript says: a host that
 * matched the approved transcript gave it, one that did not gave its received transcript, and one
 * that gave no answer agrees with nobody. Two hosts failing a case the same way agree. A host for which
 * the case was N/A is left out of the comparison.
 */
public final class Parity {

  private Parity() {}

  /** The checked cases on which the hosts' transcripts are not all the same; empty with one host. */
  public static List<GoldenCase> disagreements(CheckedRun run) {
    return run.cases().stream().filter(golden -> disagree(run, golden)).toList();
  }

  private static boolean disagree(CheckedRun run, GoldenCase golden) {
    Set<String> transcripts = new HashSet<>();
    int checked = 0;
    for (String host : run.hosts()) {
      Optional<Outcome> outcome = run.outcome(golden, host);
      if (outcome.isEmpty() || outcome.get().verdict() == Verdict.NA) {
        continue;
      }
      checked++;
      transcripts.add(transcriptOf(outcome.get()));
    }
    return checked > 1 && transcripts.size() > 1;
  }

  private static String transcriptOf(Outcome outcome) {
    if (outcome.received().isPresent()) {
      return "received\n" + outcome.received().get();
    }
    return switch (outcome.verdict()) {
      case PASS, XPASS -> "approved";
      case FAIL, XFAIL, NA -> "no answer from " + outcome.host(); // unlike anything: no transcript to compare
    };
  }
}
