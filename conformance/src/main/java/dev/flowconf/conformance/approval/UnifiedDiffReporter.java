package dev.flowconf.conformance.approval;

import com.spun.util.io.FileUtils;
import java.io.File;
import org.approvaltests.core.ApprovalFailureReporter;

/**
 * Reports a failed verification the way Junit5Reporter does, by failing with expected (approved)
 * and actual (received) text, but with a unified diff as the message, because Surefire logs and the
 * command line print messages, not IDE diff views. A missing approved file is a failure like any
 * other: nothing is ever approved automatically.
 */
final class UnifiedDiffReporter implements ApprovalFailureReporter {

  private final String label;
  private final String approveCommand;

  /**
   * {@code label} opens the failure message, so a one-line summary still says which case and host;
   * {@code approveCommand} is the one step that accepts the received transcript.
   */
  UnifiedDiffReporter(String label, String approveCommand) {
    this.label = label;
    this.approveCommand = approveCommand;
  }

  @Override
  public boolean report(String received, String approved) {
    String receivedText = FileUtils.readFile(received);
    boolean approvedExists = new File(approved).exists();
    String approvedText = approvedExists ? FileUtils.readFile(approved) : "";
    String summary = label + ": " + (approvedExists
        ? "the received transcript differs from the approved one"
        : "no approved transcript yet: " + approved + " does not exist")
        + "\n  received: " + received
        + "\n  if the received transcript is the correct behaviour, approve it: " + approveCommand;
    String diff = UnifiedDiff.of(approvedText, receivedText,
        approvedExists ? new File(approved).getName() : "/dev/null", new File(received).getName());
    throw new TranscriptMismatch(summary + "\n" + diff, approvedText, receivedText);
  }
}
