package dev.flowconf.conformance.transcript;

import dev.flowconf.conformance.browser.AbortedFetch;
import dev.flowconf.conformance.browser.AbortedFetch.Answer;
import dev.flowconf.conformance.golden.GoldenCase;
import java.util.List;

/**
 * The transcript of an {@code abort-stream} or {@code abort-value} case: what the page got before it
 * left, how the fetch ended, and the run probe's verdict afterwards.
 */
public final class AbortTranscript {

  private AbortTranscript() {}

  /** {@code plan} says when the page aborts, e.g. {@code after 2 events}. */
  public static String render(GoldenCase golden, String plan, AbortedFetch fetch, List<String> probeVerdict) {
    TranscriptWriter transcript = new TranscriptWriter(golden)
        .request(golden.request(), "fetch from a page of the host's origin, aborted " + plan);
    fetch.answer().ifPresent(answer -> appendAnswer(answer, transcript));
    transcript.line(switch (fetch.ending()) {
      case ABORTED -> fetch.answer().isPresent() ? "aborted by the client" : "aborted by the client before any answer";
      case HOST_FINISHED_FIRST -> "the host finished before the client aborted";
      case TIMED_OUT -> "timed out before the planned abort";
      case FAILED -> "the fetch failed without an answer";
    }).line("");
    transcript.line("run probe (GET /__flowconf/runs) after the client left:");
    probeVerdict.forEach(transcript::line);
    return transcript.toString();
  }

  private static void appendAnswer(Answer answer, TranscriptWriter transcript) {
    transcript.response(answer.status(), answer.headers());
    if (ResponseBody.isEventStream(answer.headers())) {
      transcript.line("events before the abort:").text(EventStreamText.parse(answer.body()).render());
    } else if (!answer.body().isEmpty()) {
      transcript.line("body before the abort:").line(VisibleText.ofText(answer.body()));
    }
  }
}
