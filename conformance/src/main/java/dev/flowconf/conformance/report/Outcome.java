package dev.flowconf.conformance.report;

import dev.flowconf.conformance.golden.GoldenCase;
import java.util.Objects;
import java.util.Optional;

/** The verdict for one case on one host; a failure carries what a person needs to triage it. */
public record Outcome(GoldenCase golden, String host, Optional<String> failure) {

  public Outcome {
    Objects.requireNonNull(golden, "golden");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(failure, "failure");
  }

  public static Outcome passed(GoldenCase golden, String host) {
    return new Outcome(golden, host, Optional.empty());
  }

  public static Outcome failed(GoldenCase golden, String host, String failure) {
    return new Outcome(golden, host, Optional.of(failure));
  }

  public boolean isPass() {
    return failure.isEmpty();
  }
}
