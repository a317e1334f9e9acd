package dev.flowconf.conformance.cli;

import dev.flowconf.checkout.Checkout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code flowconf serve reference|workers}: runs one of this checkout's hosts for a person, as a
 * child process started from its built jar (this module only ever speaks HTTP to a host; it never
 * links one). Its output is forwarded; Ctrl-C stops it.
 */
@Command(name = "serve",
    description = "Starts this checkout's reference host or Workers host (workerd) from its built jar, prints "
        + "its URL and forwards its output until Ctrl-C. Defaults: reference on port 8788, workers on 8787.")
final class ServeCommand implements Callable<Integer> {

  /** What to start for a host name: its jar, files it needs beside the jar, and its default port. */
  enum Host {
    REFERENCE("reference-host/target/reference-host.jar", List.of(), 8788),
    WORKERS("harness-workerd/target/harness-workerd.jar", List.of("host-workers/target/worker/entry.mjs"), 8787);

    final String jar;
    final List<String> alsoNeeded;
    final int defaultPort;

    Host(String jar, List<String> alsoNeeded, int defaultPort) {
      this.jar = jar;
      this.alsoNeeded = alsoNeeded;
      this.defaultPort = defaultPort;
    }

    String displayName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  // Both hosts name their URL in the first line they print: `… listening on http://127.0.0.1:8788`.
  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d+");
  private static final long STOP_GRACE_SECONDS = 10;

  @Parameters(paramLabel = "HOST", converter = HostConverter.class, description = "reference or workers")
  private Host host;

  @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (0 picks a free one).")
  private Integer port;

  @Option(names = "--keepalive-ms", paramLabel = "N",
      description = "The host's SSE keep-alive interval; tests use 50. Default: the host's (15000).")
  private Long keepAliveMillis;

  @Option(names = "--root", paramLabel = "DIR",
      description = "The flowconf checkout. Default: found from here up, else from this jar's location.")
  private Path root;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path checkout;
    try {
      checkout = root != null ? root.toAbsolutePath().normalize() : Checkout.find(Path.of(""), ServeCommand.class);
      requireBuilt(checkout);
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("flowconf: " + e.getMessage());
      return 2;
    }
    if (port != null && (port < 0 || port > 65535)) {
      throw new ParameterException(spec.commandLine(), "--port needs a number from 0 to 65535");
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", checkout.resolve(host.jar).toString(), "--port", Integer.toString(port != null ? port : host.defaultPort)));
    if (keepAliveMillis != null) {
      command.addAll(List.of("--keepalive-ms", Long.toString(keepAliveMillis)));
    }
    // The workerd harness finds workerd and the built Worker from its working directory.
    Process child = new ProcessBuilder(command).directory(checkout.toFile()).redirectErrorStream(true).start();
    Thread stopChild = new Thread(() -> stop(child), "stop " + host.displayName() + " host");
    Runtime.getRuntime().addShutdownHook(stopChild);
    forward(child, out);
    int exit = child.waitFor();
    try {
      Runtime.getRuntime().removeShutdownHook(stopChild);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C: the hook is stopping the host already.
    }
    return exit == 0 ? 0 : 1;
  }

  private void requireBuilt(Path checkout) {
    List<String> needed = new ArrayList<>(List.of(host.jar));
    needed.addAll(host.alsoNeeded);
    for (String file : needed) {
      if (!Files.isRegularFile(checkout.resolve(file))) {
        throw new IllegalArgumentException("the " + host.displayName() + " host is not built: "
            + checkout.resolve(file) + " is missing; build it with ./mvnw package -DskipTests (in " + checkout + ")");
      }
    }
  }

  /** Copies the host's output line by line, announcing its URL when the host names it. */
  private void forward(Process child, PrintWriter out) throws IOException {
    boolean announced = false;
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        out.println(line);
        Matcher url = URL.matcher(line);
        if (!announced && url.find()) {
          announced = true;
          out.println("flowconf: " + host.displayName() + " host at " + url.group() + " (pid " + child.pid()
              + "); Ctrl-C stops it. Check it with:");
          out.println("  java -jar conformance/target/flowconf.jar run --target " + host.displayName() + "="
              + url.group() + (keepAliveMillis != null ? " --keepalive-ms " + keepAliveMillis : ""));
        }
        out.flush();
      }
    }
  }

  private static void stop(Process child) {
    child.destroy();
    try {
      if (!child.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    } catch (InterruptedException e) {
      child.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static final class HostConverter implements ITypeConverter<Host> {
    @Override
    public Host convert(String value) {
      for (Host candidate : Host.values()) {
        if (candidate.displayName().equals(value)) {
          return candidate;
        }
      }
      throw new TypeConversionException("expected reference or workers, got `" + value + "`");
    }
  }
}
