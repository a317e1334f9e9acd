package dev.flowconf.conformance.mutation;

/** The kinds of check the runner makes; every one must have a mutant that it catches. */
enum CheckKind {
  STATUS("status"),
  COMPARED_HEADER("compared header"),
  JSON_BODY("JSON body"),
  ENVELOPE("envelope fields"),
  SSE_ORDER("SSE event order"),
  SSE_FRAMING("SSE framing"),
  ERROR_EVENT("error event"),
  KEEP_ALIVE("keep-alive"),
  CANCELLATION_PROBE("cancellation probe");

  private final String label;

  CheckKind(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
