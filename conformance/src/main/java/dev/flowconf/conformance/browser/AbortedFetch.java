package dev.flowconf.conformance.browser;

import dev.flowconf.conformance.golden.Header;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a page saw of a fetch it aborted: the answer if one began (for a stream, its body up to the
 * planned abort), and how the fetch ended.
 */
public record AbortedFetch(Optional<Answer> answer, Ending ending) {

  /** Status, header fields (as the Fetch API joins them) and the body text read before the end. */
  public record Answer(int status, List<Header> headers, String body) {

    public Answer {
      headers = List.copyOf(headers);
      Objects.requireNonNull(body, "body");
    }
  }

  public enum Ending {
    /** The page aborted as planned: after the events it waited for, or after the set time. */
    ABORTED,
    /** The host finished first: the stream ended, or the whole value arrived, before the abort. */
    HOST_FINISHED_FIRST,
    /** The planned moment never came (too few events) before the reader's time ran out. */
    TIMED_OUT,
    /** The fetch failed without an answer (refused, reset, or not allowed). */
    FAILED
  }

  public AbortedFetch {
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(ending, "ending");
  }
}
