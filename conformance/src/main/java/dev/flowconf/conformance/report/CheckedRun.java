package dev.flowconf.conformance.report;

import dev.flowconf.conformance.golden.Expectation;
import dev.flowconf.conformance.golden.Expectations;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.replay.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run, as the reports see it: the cases and hosts checked, every outcome, the hosts' expected
 * failures (so an XFAIL can say why), when it ended and how long it took.
 */
public record CheckedRun(List<GoldenCase> cases, List<Target> targets, List<Outcome> outcomes,
    Expectations expectations, Instant finishedAt, Duration took) {

  public CheckedRun {
    cases = List.copyOf(cases);
    targets = List.copyOf(targets);
    outcomes = List.copyOf(outcomes);
    Objects.requireNonNull(expectations, "expectations");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(took, "took");
  }

  public List<String> hosts() {
    return targets.stream().map(Target::name).toList();
  }

  /** The outcome of a case on a host, if that pair was checked. */
  public Optional<Outcome> outcome(GoldenCase golden, String host) {
    return outcomes.stream().filter(o -> o.golden().id().equals(golden.id()) && o.host().equals(host)).findFirst();
  }

  public List<Outcome> outcomesOf(String host) {
    return outcomes.stream().filter(o -> o.host().equals(host)).toList();
  }

  public Optional<Expectation> expectation(Outcome outcome) {
    return expectations.of(outcome.golden().id(), outcome.host());
  }

  /** Verdict counts of a host, PASS, FAIL, XFAIL, XPASS in that order (each present, zero or not). */
  public Map<Verdict, Long> totals(String host) {
    Map<Verdict, Long> totals = new LinkedHashMap<>();
    for (Verdict verdict : Verdict.values()) {
      totals.put(verdict, outcomesOf(host).stream().filter(o -> o.verdict() == verdict).count());
    }
    return totals;
  }

  public long failures() {
    return outcomes.stream().filter(Outcome::isFailure).count();
  }

  /** A case's topic, the part of its id before the first slash ({@code echo/s1-happy-path} → {@code echo}). */
  public static String topicOf(GoldenCase golden) {
    int slash = golden.id().indexOf('/');
    return slash < 0 ? "" : golden.id().substring(0, slash);
  }

  /** A case's name within its topic ({@code echo/s1-happy-path} → {@code s1-happy-path}). */
  public static String nameOf(GoldenCase golden) {
    return golden.id().substring(golden.id().indexOf('/') + 1);
  }
}
