package dev.flowconf.conformance.mutation;

import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.replay.Target;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Plays a behaviour for one case at a time: finite answers on one shared WireMock server, the others
 * on a fresh {@link LiveHost} (fresh, so a mutant that leaks an active run cannot spoil the next).
 */
final class PlayedHosts implements AutoCloseable {

  private final WireMockHost wireMock = WireMockHost.start();
  private LiveHost live;

  /** The host {@code name}, now doing {@code behaviour} for {@code golden}'s request. */
  Target play(String name, GoldenCase golden, Behaviour behaviour) {
    stopLiveHost();
    if (behaviour instanceof Behaviour.Answers answers) {
      return wireMock.play(name, golden, answers.answer());
    }
    try {
      live = LiveHost.start(golden, behaviour);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a live host", e);
    }
    return live.target(name);
  }

  private void stopLiveHost() {
    if (live != null) {
      live.close();
      live = null;
    }
  }

  @Override
  public void close() {
    stopLiveHost();
    wireMock.close();
  }
}
