package dev.flowconf.conformance;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar reference-host.jar --port 0 --keepalive-ms N} as a child process. It names its URL
 * in a stdout line, which is read from the process log; a shutdown hook destroys it if the JVM exits
 * first.
 */
final class ReferenceHostProcess implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("flowconf reference host listening on (http://\\S+)");
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final Process process;
  private final URI baseUrl;

  private ReferenceHostProcess(Process process, URI baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  static ReferenceHostProcess start(Path jar, Duration keepAlive) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException(jar + " is missing; build it with ./mvnw -pl reference-host -am package");
    }
    Path log = Files.createTempFile("flowconf-reference-host-", ".log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--port", "0",
        "--keepalive-ms", Long.toString(keepAlive.toMillis()))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop reference host " + process.pid()));
    try {
      return new ReferenceHostProcess(process, awaitUrl(process, log));
    } catch (IOException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private static URI awaitUrl(Process process, Path log) throws IOException {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<URI> url = listeningUrl(log);
      if (url.isPresent()) {
        return url.get();
      }
      if (!process.isAlive()) {
        throw new IOException("reference host exited with code " + process.exitValue()
            + " before listening; log " + log + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the reference host", e);
      }
    }
    throw new IOException("reference host printed no `listening on` line within "
        + STARTUP_TIMEOUT.toSeconds() + " s; log " + log);
  }

  private static Optional<URI> listeningUrl(Path log) throws IOException {
    List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
    return lines.stream()
        .map(LISTENING::matcher)
        .filter(Matcher::find)
        .map(m -> URI.create(m.group(1)))
        .findFirst();
  }

  URI baseUrl() {
    return baseUrl;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
    }
  }
}
