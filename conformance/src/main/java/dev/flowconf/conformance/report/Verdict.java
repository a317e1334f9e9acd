package dev.flowconf.conformance.report;

/** A case's result on one host, named as web-platform-tests name them, plus N/A. */
public enum Verdict {
  /** The transcript matched the approved one. */
  PASS,
  /** It differed (or the host gave no answer), and nothing expected that. */
  FAIL,
  /** It differed, as the host's expectation file says it will: not a failure. */
  XFAIL,
  /** It matched although the host's expectation file says it fails: the ledger is stale, a failure. */
  XPASS,
  /**
   * Not applicable: the case needs a host feature the target says it lacks, so it was not sent.
   * Never a pass and never a failure; counted apart.
   */
  NA;

  public boolean isFailure() {
    return this == FAIL || this == XPASS;
  }

  /** How tables and reports write it: the name, except {@code N/A}. */
  @Override
  public String toString() {
    return this == NA ? "N/A" : name();
  }
}
