package dev.flowconf.conformance.replay;

/** A case's request got no HTTP answer from the host (refused, reset, timed out). */
public final class HostUnreachable extends RuntimeException {

  HostUnreachable(String message, Throwable cause) {
    super(message, cause);
  }
}
