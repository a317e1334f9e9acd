package dev.flowconf.conformance.report;

import dev.flowconf.conformance.golden.Expectation;
import dev.flowconf.conformance.golden.GoldenCase;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict for one case on one host, with what a person needs to triage it: the mismatch (for
 * FAIL and XFAIL) or the stale expectation (for XPASS), and the transcript the host gave when it
 * differed from the approved one. Each message opens with case, host and clauses. {@code took} is
 * how long the check ran (zero when nobody timed it).
 */
public record Outcome(GoldenCase golden, String host, Verdict verdict, Optional<String> message,
    Optional<String> received, Duration took) {

  public Outcome {
    Objects.requireNonNull(golden, "golden");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(received, "received");
    Objects.requireNonNull(took, "took");
  }

  /** An outcome without a received transcript or a time. */
  public Outcome(GoldenCase golden, String host, Verdict verdict, Optional<String> message) {
    this(golden, host, verdict, message, Optional.empty(), Duration.ZERO);
  }

  public static Outcome passed(GoldenCase golden, String host) {
    return new Outcome(golden, host, Verdict.PASS, Optional.empty());
  }

  /** A failure no expectation excuses: the host gave no answer at all. */
  public static Outcome failed(GoldenCase golden, String host, String failure) {
    return new Outcome(golden, host, Verdict.FAIL, Optional.of(failure));
  }

  /** Weighs a comparison ({@code mismatch} empty when the transcript matched) against the host's expectation. */
  public static Outcome judged(GoldenCase golden, String host, Optional<String> mismatch,
      Optional<Expectation> expectation) {
    if (expectation.isEmpty()) {
      return mismatch.map(diff -> failed(golden, host, diff)).orElseGet(() -> passed(golden, host));
    }
    if (mismatch.isPresent()) {
      return new Outcome(golden, host, Verdict.XFAIL, mismatch);
    }
    Expectation stale = expectation.get();
    return new Outcome(golden, host, Verdict.XPASS, Optional.of(golden.labelOn(host)
        + ": passed, but expectations/" + host + "/" + golden.id() + ".json expects FAIL (" + stale.clause() + ": "
        + stale.reason() + "); if the host now conforms, delete that file"));
  }

  /** This outcome with the transcript the host gave, which differed from the approved one. */
  public Outcome withReceived(String transcript) {
    return new Outcome(golden, host, verdict, message, Optional.of(transcript), took);
  }

  public Outcome withTook(Duration took) {
    return new Outcome(golden, host, verdict, message, received, took);
  }

  public boolean isFailure() {
    return verdict.isFailure();
  }
}
