package dev.flowconf.conformance.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the checkout's hosts, started from its built jar as a child process: the one way `flowconf serve`, the
 * suite's own tests and the ci/ scripts (through `flowconf serve`) start a host. The runner never links a host; it
 * starts its jar and speaks HTTP to it.
 */
public final class LaunchedHost implements AutoCloseable {

  // Both hosts name their URL in the first line they print: `… listening on http://127.0.0.1:8788`.
  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d+");
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final HostKind kind;
  private final Process process;
  private final CompletableFuture<URI> url = new CompletableFuture<>();
  private final List<String> firstLines = new ArrayList<>();

  private LaunchedHost(HostKind kind, Process process) {
    this.kind = kind;
    this.process = process;
  }

  /**
   * Starts {@code kind} from {@code checkout}'s build on {@code port} (0: any free one), with the SSE keep-alive
   * interval {@code keepAliveMillis} (null: the host's own). Each line the host prints goes to {@code output}, from a
   * thread of its own. A shutdown hook stops the host if this JVM ends first.
   *
   * @throws IllegalArgumentException when the host is not built, naming the missing file and the build command
   */
  public static LaunchedHost start(Path checkout, HostKind kind, int port, Long keepAliveMillis,
      Consumer<String> output) throws IOException {
    requireBuilt(checkout, kind);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", checkout.resolve(kind.jar).toString(), "--port", Integer.toString(port)));
    if (keepAliveMillis != null) {
      command.addAll(List.of("--keepalive-ms", Long.toString(keepAliveMillis)));
    }
    // The workerd harness finds workerd and the built Worker from its working directory.
    Process process = new ProcessBuilder(command).directory(checkout.toFile()).redirectErrorStream(true).start();
    LaunchedHost host = new LaunchedHost(kind, process);
    Thread stop = new Thread(host::stop, "stop " + kind.displayName() + " host " + process.pid());
    Runtime.getRuntime().addShutdownHook(stop);
    process.onExit().thenRun(() -> {
      try {
        Runtime.getRuntime().removeShutdownHook(stop);
      } catch (IllegalStateException shuttingDown) {
        // the hook is stopping it already
      }
    });
    Thread pump = new Thread(() -> host.pump(output), kind.displayName() + " host output");
    pump.setDaemon(true);
    pump.start();
    return host;
  }

  /** {@link #start} with the output in {@code log}, then waits until the host names its URL ({@link #url}). */
  public static LaunchedHost startLogged(Path checkout, HostKind kind, Long keepAliveMillis, Path log, Duration within)
      throws IOException {
    LaunchedHost host = start(checkout, kind, 0, keepAliveMillis, line -> append(log, line));
    try {
      host.awaitUrl(within);
      return host;
    } catch (IOException e) {
      host.stop();
      throw new IOException(e.getMessage() + "; log " + log, e);
    }
  }

  /** The URL the host named, once it names it; an IOException if it exits or stays silent for {@code within}. */
  public URI awaitUrl(Duration within) throws IOException {
    try {
      return url.get(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IOException("the " + kind.displayName() + " host named no URL within " + within.toSeconds() + " s");
    } catch (ExecutionException e) {
      throw new IOException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the " + kind.displayName() + " host", e);
    }
  }

  /** The URL the host named; only once {@link #startLogged} returned it or {@link #awaitUrl} answered. */
  public URI url() {
    URI named = url.getNow(null);
    if (named == null) {
      throw new IllegalStateException("the " + kind.displayName() + " host has named no URL yet");
    }
    return named;
  }

  public Process process() {
    return process;
  }

  /** Stops the host: SIGTERM, then SIGKILL if it has not exited 10 s later. */
  @Override
  public void close() {
    stop();
  }

  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void pump(Consumer<String> output) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.accept(line);
        if (!url.isDone()) {
          Matcher found = URL.matcher(line);
          if (found.find()) {
            url.complete(URI.create(found.group()));
          } else if (firstLines.size() < 40) {
            firstLines.add(line);
          }
        }
      }
    } catch (IOException e) {
      // the process ended and took its pipe along: its exit is reported below
    }
    if (!url.isDone()) {
      int exit = waitForExit();
      url.completeExceptionally(new IOException("the " + kind.displayName() + " host exited with code " + exit
          + " before naming its URL; it printed:\n" + String.join("\n", firstLines)));
    }
  }

  private int waitForExit() {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static void requireBuilt(Path checkout, HostKind kind) {
    List<String> needed = new ArrayList<>(List.of(kind.jar));
    needed.addAll(kind.alsoNeeded);
    for (String file : needed) {
      if (!Files.isRegularFile(checkout.resolve(file))) {
        throw new IllegalArgumentException("the " + kind.displayName() + " host is not built: "
            + checkout.resolve(file) + " is missing; build it with ./mvnw package -DskipTests (in " + checkout + ")");
      }
    }
  }

  private static void append(Path log, String line) {
    try {
      Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // a log that cannot be written loses lines, not the host
    }
  }
}
