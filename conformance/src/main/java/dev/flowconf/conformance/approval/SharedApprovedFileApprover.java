package dev.flowconf.conformance.approval;

import java.io.File;
import org.approvaltests.approvers.ApprovalApprover;
import org.approvaltests.approvers.FileApprover;
import org.approvaltests.core.ApprovalFailureReporter;
import org.approvaltests.core.ApprovalWriter;
import org.approvaltests.core.VerifyResult;
import org.approvaltests.namer.ApprovalNamer;
import org.opentest4j.AssertionFailedError;

/**
 * Does FileApprover's job for an approved file that every host verifies against.
 *
 * <p>Why not FileApprover itself: its {@code approve()} first asserts "one verify per approved path
 * per run" (the static {@code FileApprover.tracker}), so the second host of a run would fail with
 * ApprovalsDuplicateVerifyException; and it logs to {@code .approval_tests_temp/} and fetches helper
 * scripts from GitHub, which a CLI run in someone's checkout must not do. What must stay unique here
 * is the received file, one per case and host, and the namer already guarantees that. The comparison
 * is FileApprover's own {@link FileApprover#approveTextFile}, so "equal" means what it means in
 * Approval Tests.
 */
final class SharedApprovedFileApprover implements ApprovalApprover {

  private final ApprovalWriter writer;
  private final File received;
  private final File approved;

  SharedApprovedFileApprover(ApprovalWriter writer, ApprovalNamer namer) {
    this.writer = writer;
    this.received = namer.getReceivedFile(writer.getFileExtensionWithDot());
    this.approved = namer.getApprovedFile(writer.getFileExtensionWithDot());
  }

  @Override
  public VerifyResult approve() {
    return FileApprover.approveTextFile(writer.writeReceivedFile(received), approved);
  }

  /** Never approves, whatever the reporter: only a person does ({@code flowconf approve}). */
  @Override
  public VerifyResult reportFailure(ApprovalFailureReporter reporter) {
    reporter.report(received.getAbsolutePath(), approved.getAbsolutePath());
    return VerifyResult.FAILURE;
  }

  @Override
  public void cleanUpAfterSuccess(ApprovalFailureReporter reporter) {
    if (!received.delete()) {
      throw new IllegalStateException("cannot delete " + received);
    }
  }

  /** Reached only with a reporter that did not fail the verification itself. */
  @Override
  public void fail() {
    throw new AssertionFailedError("Failed Approval\n  approved: " + approved + "\n  received: " + received);
  }
}
