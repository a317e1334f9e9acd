package dev.flowconf.conformance.check;

import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.replay.Target;

/** Performs one kind of golden case against a host and writes down what happened as a transcript. */
public interface CaseCheck {

  /**
   * The transcript; {@link dev.flowconf.conformance.replay.ExchangeFailure} or a
   * {@link com.microsoft.playwright.PlaywrightException} when the host gave no answer at all.
   */
  String transcribe(GoldenCase golden, Target host);

  /**
   * As {@link #transcribe(GoldenCase, Target)}, telling {@code timedPartOver} when the part that times
   * the browser against the host is over (the abort kinds: once the page has left), so that other
   * work may load the machine again. Kinds that time nothing never call it.
   */
  default String transcribe(GoldenCase golden, Target host, Runnable timedPartOver) {
    return transcribe(golden, host);
  }
}
