package dev.flowconf.conformance.report;

/** A case's result on one host, named as web-platform-tests name them. */
public enum Verdict {
  /** The transcript matched the approved one. */
  PASS,
  /** It differed (or the host gave no answer), and nothing expected that. */
  FAIL,
  /** It differed, as the host's expectation file says it will: not a failure. */
  XFAIL,
  /** It matched although the host's expectation file says it fails: the ledger is stale, a failure. */
  XPASS;

  public boolean isFailure() {
    return this == FAIL || this == XPASS;
  }
}
