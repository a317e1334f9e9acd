package dev.flowconf.conformance.cli;

import dev.flowconf.checkout.Checkout;
import dev.flowconf.conformance.launch.HostKind;
import dev.flowconf.conformance.launch.LaunchedHost;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code flowconf serve reference|workers}: runs one of this checkout's hosts for a person or a script, as a child
 * process started from its built jar ({@link LaunchedHost}; this module only ever speaks HTTP to a host). Its output
 * is forwarded, its URL announced; Ctrl-C stops it.
 */
@Command(name = "serve",
    description = "Starts this checkout's reference host or Workers host (workerd) from its built jar, prints "
        + "its URL and forwards its output until Ctrl-C. Defaults: reference on port 8788, workers on 8787.")
final class ServeCommand implements Callable<Integer> {

  private static final Duration STARTUP = Duration.ofSeconds(60);

  @Parameters(paramLabel = "HOST", converter = HostConverter.class, description = "reference or workers")
  private HostKind host;

  @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (0 picks a free one).")
  private Integer port;

  @Option(names = "--keepalive-ms", paramLabel = "N",
      description = "The host's SSE keep-alive interval; tests use 50. Default: the host's (15000).")
  private Long keepAliveMillis;

  @Option(names = "--root", paramLabel = "DIR",
      description = "The flowconf checkout. Default: found from here up, else from this jar's location.")
  private Path root;

  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port != null && (port < 0 || port > 65535)) {
      throw new ParameterException(spec.commandLine(), "--port needs a number from 0 to 65535");
    }
    LaunchedHost launched;
    try {
      Path checkout = root != null ? root.toAbsolutePath().normalize() : Checkout.find(Path.of(""), ServeCommand.class);
      launched = LaunchedHost.start(checkout, host, port != null ? port : host.defaultPort(), keepAliveMillis,
          line -> {
            synchronized (out) {
              out.println(line);
              out.flush();
            }
          });
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("flowconf: " + e.getMessage());
      return 2;
    }
    try (LaunchedHost running = launched) {
      URI url = running.awaitUrl(STARTUP);
      synchronized (out) {
        out.println("flowconf: " + host.displayName() + " host at " + url + " (pid " + running.process().pid()
            + "); Ctrl-C stops it. Check it with:");
        out.println("  java -jar conformance/target/flowconf.jar run --target " + host.displayName() + "=" + url
            + (keepAliveMillis != null ? " --keepalive-ms " + keepAliveMillis : ""));
        out.flush();
      }
      return running.process().waitFor() == 0 ? 0 : 1;
    } catch (IOException e) {
      err.println("flowconf: " + e.getMessage());
      return 1;
    }
  }

  static final class HostConverter implements ITypeConverter<HostKind> {
    @Override
    public HostKind convert(String value) {
      return HostKind.named(value)
          .orElseThrow(() -> new TypeConversionException("expected reference or workers, got `" + value + "`"));
    }
  }
}
