package dev.flowconf.conformance.approval;

import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.GoldenFiles;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.writers.ApprovalTextWriter;

/**
 * Judges a host's transcript of a case against the case's approved transcript with Approval Tests:
 * volatile values are scrubbed to stable tokens, the received file is written beside the approved
 * one, deleted when they match, and left for review (with a {@link TranscriptMismatch}) when they do not.
 */
public final class TranscriptApproval {

  private final GoldenFiles goldens;

  public TranscriptApproval(GoldenFiles goldens) {
    this.goldens = goldens;
  }

  /** The command line that makes {@code host}'s received transcript of a case the approved one. */
  public static String approveCommand(String caseId, String host) {
    return "flowconf approve " + caseId + " --host " + host;
  }

  /** Passes quietly, or throws {@link TranscriptMismatch}. */
  public void verify(GoldenCase golden, String host, String transcript) {
    // The reporter is set explicitly so APPROVAL_TESTS_USE_REPORTER or a package default cannot swap
    // in one that opens tools, sleeps or approves.
    Options options = new Options()
        .withReporter(new UnifiedDiffReporter(golden.labelOn(host), approveCommand(golden.id(), host)))
        .withScrubber(new UuidV4Scrubber());
    GoldenNamer namer = new GoldenNamer(goldens.caseBase(golden.id()), host);
    Approvals.verify(new SharedApprovedFileApprover(new ApprovalTextWriter(transcript, options), namer), options);
  }
}
