package dev.flowconf.conformance.report;

import dev.flowconf.conformance.approval.UnifiedDiffReporter;
import dev.flowconf.conformance.golden.Expectation;
import dev.flowconf.conformance.golden.GoldenCase;
import java.time.Duration;
import java.util.List;
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

  /**
   * A case the target cannot serve: it needs host features the target lacks ({@code missing}), so it
   * was not sent. The message names them.
   */
  public static Outcome notApplicable(GoldenCase golden, String host, List<String> missing) {
    return new Outcome(golden, host, Verdict.NA, Optional.of(golden.labelOn(host) + ": N/A, the target lacks "
        + (missing.size() == 1 ? "the host feature " : "the host features ") + String.join(", ", missing)));
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

  /**
   * A failure although the host's ledger expects one: the host differed from the approved transcript
   * and also from the deviation its ledger pins, so it fails in a way nobody recorded.
   */
  public static Outcome deviatedDifferently(GoldenCase golden, String host, Expectation expectation, String received) {
    String pinned = golden.id() + ".deviation.txt";
    return failed(golden, host, golden.labelOn(host) + ": differs from the approved transcript and also from the "
        + "deviation expectations/" + host + "/" + pinned + " pins (" + expectation.clause() + "); if the new answer "
        + "is the host's known deviation, copy the received transcript over that file\n"
        + UnifiedDiffReporter.unifiedDiff(expectation.deviation().orElseThrow(), received,
            pinned.substring(pinned.lastIndexOf('/') + 1),
            golden.id().substring(golden.id().lastIndexOf('/') + 1) + "." + host + ".received.txt"))
        .withReceived(received);
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
