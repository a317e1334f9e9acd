package dev.flowconf.conformance;

import dev.flowconf.conformance.replay.Target;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a run has learnt of its targets, so that a host that stopped answering costs little: a target the pre-check
 * could not reach, a target that let {@code giveUpAfter} exchanges in a row go unanswered, and the run's own time
 * limit each turn the remaining cases into fast failures with one line saying why, while other targets carry on.
 * Safe from any thread.
 */
public final class TargetHealth {

  /** Consecutive exchanges without an answer after which a target's remaining cases are not sent. */
  public static final int DEFAULT_GIVE_UP_AFTER = 3;

  private final int giveUpAfter;
  private final Duration maxTime;
  private final long deadlineNanos;
  private final Map<String, String> unreachable = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> silentInARow = new ConcurrentHashMap<>();

  /** {@code giveUpAfter} 0: never give up; {@code maxTime} null: no limit for the run, which starts now. */
  public TargetHealth(int giveUpAfter, Duration maxTime) {
    this.giveUpAfter = giveUpAfter;
    this.maxTime = maxTime;
    this.deadlineNanos = maxTime == null ? Long.MAX_VALUE : System.nanoTime() + maxTime.toNanos();
  }

  /** Gives up on nothing and has no time limit. */
  public static TargetHealth patient() {
    return new TargetHealth(0, null);
  }

  /** The pre-check found {@code target} unreachable; its cases fail without being sent. */
  public void unreachable(Target target, String cause) {
    unreachable.put(target.name(), cause);
  }

  /** Why a case must not be sent to {@code target} now, if it must not. */
  public Optional<String> whyNotSend(Target target) {
    String cause = unreachable.get(target.name());
    if (cause != null) {
      return Optional.of("target unreachable (not sent): " + cause);
    }
    if (giveUpAfter > 0 && silentInARow(target).get() >= giveUpAfter) {
      return Optional.of("host not answering (not sent): " + giveUpAfter + " exchanges in a row got no answer");
    }
    if (System.nanoTime() - deadlineNanos > 0) {
      return Optional.of("not run: the run's --max-time of " + maxTime.toSeconds() + " s was over");
    }
    return Optional.empty();
  }

  /** An exchange with {@code target} got an answer, right or wrong. */
  public void answered(Target target) {
    silentInARow(target).set(0);
  }

  /** An exchange with {@code target} got no answer at all. */
  public void noAnswer(Target target) {
    silentInARow(target).incrementAndGet();
  }

  private AtomicInteger silentInARow(Target target) {
    return silentInARow.computeIfAbsent(target.name(), name -> new AtomicInteger());
  }
}
