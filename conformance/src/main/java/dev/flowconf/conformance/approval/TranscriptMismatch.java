package dev.flowconf.conformance.approval;

import org.opentest4j.AssertionFailedError;

/**
 * A received transcript that differs from the approved one (or has none approved). The message is a
 * summary and a unified diff, for logs and the command line; the approved and received texts ride
 * along as expected/actual, so IDEs offer their diff view.
 */
public final class TranscriptMismatch extends AssertionFailedError {

  private final String receivedText;

  TranscriptMismatch(String summaryAndDiff, String approvedText, String receivedText) {
    super(summaryAndDiff, approvedText, receivedText);
    this.receivedText = receivedText;
  }

  /** The received transcript, scrubbed, as written beside the approved one. */
  public String receivedText() {
    return receivedText;
  }
}
