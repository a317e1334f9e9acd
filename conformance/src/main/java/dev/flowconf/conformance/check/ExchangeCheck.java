package dev.flowconf.conformance.check;

import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.replay.CaseReplayer;
import dev.flowconf.conformance.replay.Target;
import dev.flowconf.conformance.transcript.ExchangeTranscript;

/** {@code exchange}: sends the request and transcribes the whole response. */
public final class ExchangeCheck implements CaseCheck {

  private final CaseReplayer replayer;

  public ExchangeCheck(CaseReplayer replayer) {
    this.replayer = replayer;
  }

  @Override
  public String transcribe(GoldenCase golden, Target host) {
    return ExchangeTranscript.render(golden, replayer.send(host, golden.request()));
  }
}
