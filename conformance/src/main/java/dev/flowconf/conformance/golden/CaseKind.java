package dev.flowconf.conformance.golden;

/**
 * What a case does with its request and what its transcript records; the case file's {@code kind}
 * field, {@code exchange} when absent.
 */
public sealed interface CaseKind {

  /**
   * Whether the verdict reads the host's run counters (PROBE-1). They count every run of the host
   * process, so while such a case runs no other case may run on that host.
   */
  default boolean readsRunCounts() {
    return false;
  }

  /**
   * {@code exchange}: one HTTP request and the host's whole response. {@code keepAliveRequired}
   * ({@code "keepAlive": "required"}) makes the transcript say whether keep-alive comments came.
   */
  record Exchange(boolean keepAliveRequired) implements CaseKind {}

  /** {@code browser-eventsource}: Chromium's {@code EventSource} reads a stream to its end. */
  record BrowserEventSource() implements CaseKind {}

  /**
   * {@code abort-stream}: a page fetches a stream, reads {@code afterEvents} events, aborts, and the
   * run probe must then show the run cancelled.
   */
  record AbortStream(int afterEvents) implements CaseKind {
    @Override
    public boolean readsRunCounts() {
      return true;
    }
  }

  /**
   * {@code abort-value}: a page fetches a value route, aborts after {@code afterMillis}, and the run
   * probe must then show the run cancelled.
   */
  record AbortValue(int afterMillis) implements CaseKind {
    @Override
    public boolean readsRunCounts() {
      return true;
    }
  }
}
