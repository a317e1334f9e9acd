package dev.flowconf.conformance;

import com.microsoft.playwright.PlaywrightException;
import dev.flowconf.conformance.approval.TranscriptApproval;
import dev.flowconf.conformance.approval.TranscriptMismatch;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.GoldenFiles;
import dev.flowconf.conformance.replay.CaseReplayer;
import dev.flowconf.conformance.replay.ObservedResponse;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.replay.Target;
import dev.flowconf.conformance.report.Outcome;
import dev.flowconf.conformance.transcript.TranscriptRenderer;
import java.util.ArrayList;
import java.util.List;

/** Checks golden cases on hosts: golden → request → host → transcript → comparison → outcome. */
public final class ConformanceCheck {

  private final CaseReplayer replayer;
  private final TranscriptRenderer renderer = new TranscriptRenderer();
  private final TranscriptApproval approval;

  public ConformanceCheck(PlaywrightRuntime playwright, GoldenFiles goldens) {
    this.replayer = new CaseReplayer(playwright);
    this.approval = new TranscriptApproval(goldens);
  }

  /** Passes quietly, or throws {@link TranscriptMismatch} or {@link HostUnreachable}. */
  public void verify(GoldenCase golden, Target host) {
    ObservedResponse response;
    try {
      response = replayer.send(host, golden.request());
    } catch (PlaywrightException e) {
      throw new HostUnreachable(golden.labelOn(host.name()) + ": request to "
          + host.urlOf(golden.request().path()) + " failed: " + e.getMessage(), e);
    }
    approval.verify(golden, host.name(), renderer.render(golden, response));
  }

  /** Every case on every host; a mismatch or a failed request is a failed outcome, never an abort. */
  public List<Outcome> checkAll(List<GoldenCase> cases, List<Target> hosts) {
    List<Outcome> outcomes = new ArrayList<>();
    for (GoldenCase golden : cases) {
      for (Target host : hosts) {
        outcomes.add(check(golden, host));
      }
    }
    return outcomes;
  }

  private Outcome check(GoldenCase golden, Target host) {
    try {
      verify(golden, host);
      return Outcome.passed(golden, host.name());
    } catch (TranscriptMismatch | HostUnreachable failure) {
      return Outcome.failed(golden, host.name(), failure.getMessage());
    }
  }
}
