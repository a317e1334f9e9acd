package dev.flowconf.conformance;

import com.microsoft.playwright.PlaywrightException;
import dev.flowconf.conformance.approval.TranscriptApproval;
import dev.flowconf.conformance.approval.TranscriptMismatch;
import dev.flowconf.conformance.check.AbortStreamCheck;
import dev.flowconf.conformance.check.AbortValueCheck;
import dev.flowconf.conformance.check.CaseCheck;
import dev.flowconf.conformance.check.EventSourceCheck;
import dev.flowconf.conformance.check.ExchangeCheck;
import dev.flowconf.conformance.golden.CaseKind;
import dev.flowconf.conformance.golden.Expectation;
import dev.flowconf.conformance.golden.Expectations;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.GoldenFiles;
import dev.flowconf.conformance.replay.CaseReplayer;
import dev.flowconf.conformance.replay.ExchangeFailure;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.replay.Target;
import dev.flowconf.conformance.report.Outcome;
import dev.flowconf.wire.RunProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks golden cases on hosts: golden → request → host → transcript → comparison → outcome, where the
 * outcome also weighs the host's recorded expectations (an expected failure is no failure).
 */
public final class ConformanceCheck {

  private final Map<Class<? extends CaseKind>, CaseCheck> checks;
  private final TranscriptApproval approval;
  private final Expectations expectations;
  private final TargetHealth health;

  /** {@code keepAliveInterval}: the hosts' SSE keep-alive interval, which bounds the cancellation checks. */
  public ConformanceCheck(PlaywrightRuntime playwright, GoldenFiles goldens, Expectations expectations,
      Duration keepAliveInterval) {
    this(playwright, goldens, expectations, keepAliveInterval, CaseReplayer.DEFAULT_TIMEOUT, TargetHealth.patient());
  }

  /**
   * As above, with {@code timeout} bounding each exchange and {@code health} deciding which cases are not sent
   * any more (a target unreachable or not answering, the run's time over).
   */
  public ConformanceCheck(PlaywrightRuntime playwright, GoldenFiles goldens, Expectations expectations,
      Duration keepAliveInterval, Duration timeout, TargetHealth health) {
    this.health = health;
    this.checks = Map.of(
        CaseKind.Exchange.class, new ExchangeCheck(new CaseReplayer(playwright, timeout)),
        CaseKind.BrowserEventSource.class, new EventSourceCheck(playwright),
        CaseKind.AbortStream.class, new AbortStreamCheck(playwright, keepAliveInterval, probeTimeout(timeout)),
        CaseKind.AbortValue.class, new AbortValueCheck(playwright, keepAliveInterval, probeTimeout(timeout)));
    this.approval = new TranscriptApproval(goldens);
    this.expectations = expectations;
  }

  /**
   * A run probe read is bounded by the exchange timeout ({@code --timeout}), and by 5 s at most: the probe is an
   * instrument that answers at once, and a stalled host must not hold each abort case up for long.
   */
  private static Duration probeTimeout(Duration timeout) {
    return timeout.compareTo(RunProbe.DEFAULT_TIMEOUT) < 0 ? timeout : RunProbe.DEFAULT_TIMEOUT;
  }

  /**
   * Every case on every host, as many at once as {@link CaseScheduler} allows, in case × host order; a
   * mismatch or a failed request is an outcome, never an abort.
   */
  public List<Outcome> checkAll(List<GoldenCase> cases, List<Target> hosts) {
    return new CaseScheduler(this::check, CaseScheduler.DEFAULT_PARALLELISM).run(cases, hosts, outcome -> {});
  }

  /**
   * One case on one host: PASS, FAIL, or, where the host's ledger expects a failure, XFAIL or XPASS;
   * N/A, without a request, where the case needs a host feature the target lacks.
   * Safe to call from several threads at once.
   */
  public Outcome check(GoldenCase golden, Target host) {
    return check(golden, host, () -> {});
  }

  /**
   * As {@link #check(GoldenCase, Target)}; {@code timedPartOver} hears when the part of the check
   * that times a browser against the host is over (see {@link CaseCheck#transcribe(GoldenCase, Target,
   * Runnable)}), which {@link CaseScheduler} waits for before it loads the machine with other cases.
   */
  public Outcome check(GoldenCase golden, Target host, Runnable timedPartOver) {
    List<String> missing = host.features().missing(golden.features());
    if (!missing.isEmpty()) {
      return Outcome.notApplicable(golden, host.name(), missing); // not sent: the host was never asked
    }
    Optional<String> notSent = health.whyNotSend(host);
    if (notSent.isPresent()) {
      return Outcome.failed(golden, host.name(), golden.labelOn(host.name()) + ": " + notSent.get());
    }
    long startedAt = System.nanoTime();
    return judge(golden, host, timedPartOver).withTook(Duration.ofNanos(System.nanoTime() - startedAt));
  }

  private Outcome judge(GoldenCase golden, Target host, Runnable timedPartOver) {
    String transcript;
    try {
      transcript = checks.get(golden.kind().getClass()).transcribe(golden, host, timedPartOver);
    } catch (ExchangeFailure e) {
      if (e.isNoAnswer()) {
        health.noAnswer(host);
      } else {
        health.answered(host);
      }
      // One line naming what the host did, then the details: no transport stack trace in a verdict.
      return Outcome.failed(golden, host.name(), golden.labelOn(host.name()) + ": " + e.getMessage());
    } catch (PlaywrightException e) {
      return Outcome.failed(golden, host.name(), golden.labelOn(host.name()) + ": the browser could not check "
          + host.urlOf(golden.request().path()) + ": " + CaseReplayer.firstLine(e));
    }
    health.answered(host);
    Optional<TranscriptMismatch> mismatch = mismatch(golden, host, transcript);
    Optional<Expectation> expectation = expectations.of(golden.id(), host.name());
    if (mismatch.isPresent() && expectation.flatMap(Expectation::deviation).isPresent()
        && !expectation.get().deviation().get().equals(mismatch.get().receivedText())) {
      return Outcome.deviatedDifferently(golden, host.name(), expectation.get(), mismatch.get().receivedText());
    }
    Outcome outcome = Outcome.judged(golden, host.name(), mismatch.map(TranscriptMismatch::getMessage), expectation);
    return mismatch.map(m -> outcome.withReceived(m.receivedText())).orElse(outcome);
  }

  /** The mismatch (summary, diff, received text), or empty when the transcript equals the approved one. */
  private Optional<TranscriptMismatch> mismatch(GoldenCase golden, Target host, String transcript) {
    try {
      approval.verify(golden, host.name(), transcript);
      return Optional.empty();
    } catch (TranscriptMismatch e) {
      return Optional.of(e);
    }
  }
}
