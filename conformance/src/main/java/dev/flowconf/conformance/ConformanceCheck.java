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
import dev.flowconf.conformance.golden.Expectations;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.GoldenFiles;
import dev.flowconf.conformance.replay.CaseReplayer;
import dev.flowconf.conformance.replay.HostUnreachable;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.replay.Target;
import dev.flowconf.conformance.report.Outcome;
import java.time.Duration;
import java.util.ArrayList;
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

  /** {@code keepAliveInterval}: the hosts' SSE keep-alive interval, which bounds the cancellation checks. */
  public ConformanceCheck(PlaywrightRuntime playwright, GoldenFiles goldens, Expectations expectations,
      Duration keepAliveInterval) {
    this.checks = Map.of(
        CaseKind.Exchange.class, new ExchangeCheck(new CaseReplayer(playwright)),
        CaseKind.BrowserEventSource.class, new EventSourceCheck(playwright),
        CaseKind.AbortStream.class, new AbortStreamCheck(playwright, keepAliveInterval),
        CaseKind.AbortValue.class, new AbortValueCheck(playwright, keepAliveInterval));
    this.approval = new TranscriptApproval(goldens);
    this.expectations = expectations;
  }

  /** Every case on every host; a mismatch or a failed request is an outcome, never an abort. */
  public List<Outcome> checkAll(List<GoldenCase> cases, List<Target> hosts) {
    List<Outcome> outcomes = new ArrayList<>();
    for (GoldenCase golden : cases) {
      for (Target host : hosts) {
        outcomes.add(check(golden, host));
      }
    }
    return outcomes;
  }

  /** One case on one host: PASS, FAIL, or, where the host's ledger expects a failure, XFAIL or XPASS. */
  public Outcome check(GoldenCase golden, Target host) {
    String transcript;
    try {
      transcript = checks.get(golden.kind().getClass()).transcribe(golden, host);
    } catch (HostUnreachable e) {
      return Outcome.failed(golden, host.name(), golden.labelOn(host.name()) + ": " + e.getMessage());
    } catch (PlaywrightException e) {
      return Outcome.failed(golden, host.name(), golden.labelOn(host.name()) + ": the browser could not check "
          + host.urlOf(golden.request().path()) + ": " + e.getMessage());
    }
    return Outcome.judged(golden, host.name(), mismatch(golden, host, transcript),
        expectations.of(golden.id(), host.name()));
  }

  /** The mismatch's summary and diff, or empty when the transcript equals the approved one. */
  private Optional<String> mismatch(GoldenCase golden, Target host, String transcript) {
    try {
      approval.verify(golden, host.name(), transcript);
      return Optional.empty();
    } catch (TranscriptMismatch e) {
      return Optional.of(e.getMessage());
    }
  }
}
