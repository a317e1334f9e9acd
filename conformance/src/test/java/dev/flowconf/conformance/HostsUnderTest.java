package dev.flowconf.conformance;

import dev.flowconf.conformance.launch.HostKind;
import dev.flowconf.conformance.launch.LaunchedHost;
import dev.flowconf.conformance.replay.Target;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hosts the replay tests compare. Each is either a URL given as system property
 * {@code flowconf.target.<name>} (a host someone already started) or started here on first use. A
 * host that cannot be started stays failed for the run, so each of its tests fails with the reason
 * instead of retrying the start.
 */
final class HostsUnderTest implements AutoCloseable {

  static final List<String> NAMES = List.of("reference", "workers");

  /**
   * The SSE keep-alive interval the hosts started here get (property {@code flowconf.keepalive-ms}
   * for hosts given by URL). Below s2's 120 ms pauses, so its stream carries keep-alive comments
   * (SSE-KEEPALIVE-1); short, so cancellation checks wait little.
   */
  static final Duration KEEP_ALIVE = Duration.ofMillis(Long.getLong("flowconf.keepalive-ms", 50));

  private static final Duration STARTUP = Duration.ofSeconds(60);

  private record Start(Target target, Exception failure) {}

  private final Path root;
  private final Map<String, Start> starts = new HashMap<>();
  private final List<AutoCloseable> started = new ArrayList<>();

  HostsUnderTest(Path root) {
    this.root = root;
  }

  /** The running host, or an IllegalStateException saying why it is not running. */
  Target target(String name) {
    Start start = starts.computeIfAbsent(name, this::start);
    if (start.failure() != null) {
      throw new IllegalStateException("host `" + name + "` could not be started: "
          + start.failure().getMessage(), start.failure());
    }
    return start.target();
  }

  private Start start(String name) {
    String given = System.getProperty("flowconf.target." + name);
    try {
      return new Start(new Target(name, given != null ? URI.create(given) : launch(name)), null);
    } catch (Exception e) {
      return new Start(null, e);
    }
  }

  /** Either host from this checkout's build, the way `flowconf serve` starts it; its output in a temp log. */
  private URI launch(String name) throws IOException {
    HostKind kind = HostKind.named(name)
        .orElseThrow(() -> new IllegalArgumentException("no way to start a host named `" + name + "`"));
    Path log = Files.createTempFile("flowconf-" + name + "-host-", ".log");
    LaunchedHost host = LaunchedHost.startLogged(root, kind, KEEP_ALIVE.toMillis(), log, STARTUP);
    started.add(host);
    return host.url();
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable host : started) {
      host.close();
    }
  }
}
