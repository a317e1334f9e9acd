package dev.flowconf.conformance.mutation;

import java.util.Objects;

/**
 * What a played host does with one golden case's request. {@link Answers} is finite and played by
 * WireMock; the two others outlast the request (a stream that never ends, a value run that never
 * answers) and need the run probe to react to the client leaving, which WireMock cannot, so
 * {@link LiveHost} plays them.
 */
sealed interface Behaviour {

  /** Answers at once, exactly this (an event-stream body in dribbled chunks). */
  record Answers(Answer answer) implements Behaviour {}

  /** Sends {@code head} (status, headers, first events), then keep-alive comments until the client leaves. */
  record StreamsUntilTheClientLeaves(Answer head, Runs runs) implements Behaviour {}

  /** A value run that answers nothing until the client leaves (its node takes longer than any abort plan). */
  record HoldsUntilTheClientLeaves(Runs runs) implements Behaviour {}

  /** How the host books the run of a client that left, and how its probe (PROBE-1) writes the counts. */
  record Runs(OnClientLeaving onClientLeaving, boolean probeKeysSorted) {

    static final Runs CONFORMING = new Runs(OnClientLeaving.CANCELS_THE_RUN, true);

    public Runs {
      Objects.requireNonNull(onClientLeaving, "onClientLeaving");
    }
  }

  enum OnClientLeaving {
    /** CANCEL-1/2: cancelled grows, active goes back to 0. */
    CANCELS_THE_RUN,
    /** Stops the run but books it completed, as a host that never noticed the client leaving would. */
    BOOKS_IT_COMPLETED,
    /** Books it cancelled but never lets go of it: active stays above 0. */
    KEEPS_IT_ACTIVE
  }
}
