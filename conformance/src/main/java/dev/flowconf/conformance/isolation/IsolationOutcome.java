package dev.flowconf.conformance.isolation;

import dev.flowconf.conformance.replay.Target;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an isolation run on one host found. A mismatch is an answer (200) that carries something not
 * its own request's, or a run id another run has too; a failure is a request that got no 200 answer,
 * so its identity could not be judged. Both must be zero.
 */
public record IsolationOutcome(Target target, int requests, List<IdentityRequest.Route> routes, int inFlight,
    List<String> mismatches, List<String> failures, Duration took) {

  public IsolationOutcome {
    routes = List.copyOf(routes);
    mismatches = List.copyOf(mismatches);
    failures = List.copyOf(failures);
  }

  public boolean passed() {
    return mismatches.isEmpty() && failures.isEmpty();
  }

  /**
   * One line, stable for scripts ({@code ci/stress} reads it): {@code isolation reference: 600
   * requests to /meta /harness/echo /echo, 50 in flight: 0 mismatches, 0 failed (1.2 s)}.
   */
  public String summary() {
    return String.format(Locale.ROOT, "isolation %s: %d requests to %s, %d in flight: %d mismatches, %d failed (%.1f s)",
        target.name(), requests, routes.stream().map(route -> route.path).collect(Collectors.joining(" ")), inFlight,
        mismatches.size(), failures.size(), took.toMillis() / 1000.0);
  }

  /** The summary, then at most {@code shown} mismatches and failures, one per line. */
  public String report(int shown) {
    StringBuilder text = new StringBuilder(summary()).append('\n');
    mismatches.stream().limit(shown).forEach(m -> text.append("  mismatch ").append(m).append('\n'));
    if (mismatches.size() > shown) {
      text.append("  … and ").append(mismatches.size() - shown).append(" more mismatches\n");
    }
    failures.stream().limit(shown).forEach(f -> text.append("  failed ").append(f).append('\n'));
    if (failures.size() > shown) {
      text.append("  … and ").append(failures.size() - shown).append(" more failures\n");
    }
    return text.toString();
  }
}
