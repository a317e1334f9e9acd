package dev.flowconf.conformance.probe;

import dev.flowconf.wire.RunCounts;
import dev.flowconf.wire.RunProbe;
import dev.flowconf.wire.RunProbe.UnusableProbe;
import java.time.Duration;
import java.util.List;

/**
 * Watches the run probe around a client that leaves: reads the counts before the request, then polls
 * after the abort until the host has counted one more cancelled run and has no run active (SPEC.md
 * CANCEL-1/CANCEL-2). The counts are per host process and other runs may come and go meanwhile, so it
 * judges a delta and an eventual zero, never absolute numbers.
 */
public final class CancellationWatch {

  private static final Duration POLL = Duration.ofMillis(25);

  private final RunProbe probe;
  private final RunCounts before;

  private CancellationWatch(RunProbe probe, RunCounts before) {
    this.probe = probe;
    this.before = before;
  }

  /** Reads the counts before the request is sent. */
  public static CancellationWatch start(RunProbe probe) {
    return new CancellationWatch(probe, probe.read());
  }

  /**
   * Polls for up to {@code within}; the verdict lines are the same on every passing run, and carry
   * the counts seen only when something is wrong.
   */
  public List<String> awaitCancelled(Duration within) {
    RunCounts last;
    try {
      last = probe.await(this::isSettled, within, POLL);
    } catch (UnusableProbe e) {
      return List.of("run probe: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of("run probe: interrupted while polling");
    }
    String wait = " within " + within.toMillis() + " ms (before the request " + before + ", last " + last + ")";
    return List.of(
        last.cancelled() > before.cancelled() ? "cancelled: grew by at least 1" : "cancelled: did not grow" + wait,
        last.active() == 0 ? "active: 0" : "active: never 0" + wait);
  }

  private boolean isSettled(RunCounts counts) {
    return counts.cancelled() > before.cancelled() && counts.active() == 0;
  }
}
