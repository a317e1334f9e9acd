package dev.flowconf.conformance.check;

import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.replay.Target;

/** Performs one kind of golden case against a host and writes down what happened as a transcript. */
public interface CaseCheck {

  /**
   * The transcript; {@link dev.flowconf.conformance.replay.HostUnreachable} or a
   * {@link com.microsoft.playwright.PlaywrightException} when the host gave no answer at all.
   */
  String transcribe(GoldenCase golden, Target host);
}
