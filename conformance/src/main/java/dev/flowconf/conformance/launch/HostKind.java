package dev.flowconf.conformance.launch;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The hosts a flowconf checkout builds, and what starting one takes: its jar, files beside it, its default port. */
public enum HostKind {
  REFERENCE("reference-host/target/reference-host.jar", List.of(), 8788),
  WORKERS("harness-workerd/target/harness-workerd.jar", List.of("host-workers/target/worker/entry.mjs"), 8787);

  final String jar;
  final List<String> alsoNeeded;
  private final int defaultPort;

  HostKind(String jar, List<String> alsoNeeded, int defaultPort) {
    this.jar = jar;
    this.alsoNeeded = alsoNeeded;
    this.defaultPort = defaultPort;
  }

  /** {@code reference} or {@code workers}: how people and scripts name it. */
  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public int defaultPort() {
    return defaultPort;
  }

  public static Optional<HostKind> named(String name) {
    for (HostKind kind : values()) {
      if (kind.displayName().equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
