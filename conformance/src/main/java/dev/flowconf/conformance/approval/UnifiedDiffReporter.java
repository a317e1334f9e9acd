package dev.flowconf.conformance.approval;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.Patch;
import com.spun.util.io.FileUtils;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.approvaltests.core.ApprovalFailureReporter;

/**
 * Reports a failed verification the way Junit5Reporter does, by failing with expected (approved)
 * and actual (received) text, but with a unified diff as the message, because Surefire logs and the
 * command line print messages, not IDE diff views. A missing approved file is a failure like any
 * other: nothing is ever approved automatically. Approving and a host's pinned deviation show their
 * changes with the same {@link #unifiedDiff}.
 */
public final class UnifiedDiffReporter implements ApprovalFailureReporter {

  private static final int CONTEXT_LINES = 3;
  private static final int LARGE = 2_000;

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
    String diff = unifiedDiff(approvedText, receivedText,
        approvedExists ? new File(approved).getName() : "/dev/null", new File(received).getName());
    throw new TranscriptMismatch(summary + "\n" + diff, approvedText, receivedText);
  }

  /** The {@code diff -u} of two texts (three lines of context), or an empty string if they are equal. */
  public static String unifiedDiff(String oldText, String newText, String oldName, String newName) {
    List<String> oldLines = lines(oldText);
    List<String> newLines = lines(newText);
    // The default Myers takes seconds when the texts differ a lot (a 12-line golden against a 32 000-line answer:
    // ~7 s); past LARGE lines in all, the linear-space variant takes a fraction of that, its hunks listing + before -.
    Patch<String> patch = oldLines.size() + newLines.size() > LARGE
        ? DiffUtils.diff(oldLines, newLines, new MyersDiffWithLinearSpace<>(), null)
        : DiffUtils.diff(oldLines, newLines);
    List<String> diff = new ArrayList<>(UnifiedDiffUtils.generateUnifiedDiff(oldName, newName, oldLines, patch,
        CONTEXT_LINES));
    if (diff.isEmpty()) {
      return "";
    }
    if (oldLines.isEmpty() || newLines.isEmpty()) {
      // java-diff-utils numbers an empty side 1,0, where diff -u and git say 0,0 (it ends at line 0). With
      // context around every change, a side is empty only when its whole text is, so there is one hunk.
      diff.set(2, "@@ -" + range(oldLines) + " +" + range(newLines) + " @@");
    }
    return String.join("\n", diff) + "\n";
  }

  /** Split at line feeds only, so that a stray carriage return shows in the diff. */
  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return List.of(body.split("\n", -1));
  }

  private static String range(List<String> lines) {
    return lines.isEmpty() ? "0,0" : "1," + lines.size();
  }
}
