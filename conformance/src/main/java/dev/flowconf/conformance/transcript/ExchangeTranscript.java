package dev.flowconf.conformance.transcript;

import dev.flowconf.conformance.golden.CaseKind;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.replay.ObservedResponse;

/**
 * The transcript of an {@code exchange} case: the case header, the request as sent, and the
 * normalized response (status, compared headers, body). Deterministic: nothing in it depends on
 * time, port or host name (volatile values are scrubbed later, see the approval package).
 */
public final class ExchangeTranscript {

  private ExchangeTranscript() {}

  public static String render(GoldenCase golden, ObservedResponse response) {
    boolean keepAliveRequired = golden.kind() instanceof CaseKind.Exchange exchange && exchange.keepAliveRequired();
    return new TranscriptWriter(golden)
        .request(golden.request(), "")
        .response(response.status(), response.headers())
        .text(ResponseBody.render(response.headers(), response.body(), keepAliveRequired))
        .toString();
  }
}
