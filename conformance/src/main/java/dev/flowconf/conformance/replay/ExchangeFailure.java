package dev.flowconf.conformance.replay;

/**
 * A case's exchange ended without an answer the runner can judge. {@link #reason} names what the host did in one
 * line, the way a report shows it ("no answer within 10 s", "body ended after 5 of the 12 bytes its content-length
 * announced"); {@link #details} says more (what the transport saw), never a stack trace. {@link #noAnswer} tells a
 * host that did not answer at all (refused, silent, closed) from one that answered wrongly: only the first counts
 * towards giving up on a host.
 */
public final class ExchangeFailure extends RuntimeException {

  private final String reason;
  private final String details;
  private final boolean noAnswer;

  private ExchangeFailure(String reason, String details, boolean noAnswer) {
    super(details.isEmpty() ? reason : reason + "\n" + details);
    this.reason = reason;
    this.details = details;
    this.noAnswer = noAnswer;
  }

  /** The host gave no HTTP answer at all. */
  public static ExchangeFailure noAnswer(String reason, String details) {
    return new ExchangeFailure(reason, details, true);
  }

  /** The host answered, but not with HTTP/1.1 a client can read. */
  public static ExchangeFailure brokenAnswer(String reason, String details) {
    return new ExchangeFailure(reason, details, false);
  }

  public String reason() {
    return reason;
  }

  public String details() {
    return details;
  }

  public boolean isNoAnswer() {
    return noAnswer;
  }

  /** This failure with {@code where} (the URL asked) put before the details. */
  public ExchangeFailure at(String where) {
    return new ExchangeFailure(reason, details.isEmpty() ? where : where + "\n" + details, noAnswer);
  }
}
