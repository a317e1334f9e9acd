package dev.flowconf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.launch.HostKind;
import dev.flowconf.conformance.launch.LaunchedHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite as ci/package ships it (the archive Maven builds before the integration tests): unpacked into a
 * temporary directory outside this checkout and run through its own launcher, it replays cases against a host
 * and writes its reports. Nothing of the checkout is on its class path or in its working directory.
 */
class PackagedSuiteIT {

  private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

  @TempDir
  Path dir;

  @Test
  void theArchiveRunsFromATemporaryDirectoryAgainstAHost() throws Exception {
    Path home = unpack(Path.of(System.getProperty("flowconf.suite.archive")));
    for (String part : List.of("bin/flowconf", "flowconf.jar", "SPEC.md", "README.md", "goldens/features.json",
        "goldens/cases/echo/s1-happy-path.case.json", "goldens/cases/echo/s1-happy-path.approved.txt")) {
      assertTrue(Files.exists(home.resolve(part)), "the archive holds " + part);
    }
    assertTrue(Files.isExecutable(home.resolve("bin/flowconf")), "bin/flowconf is executable");
    try (Stream<Path> libs = Files.list(home.resolve("lib"))) {
      assertTrue(libs.anyMatch(p -> p.getFileName().toString().startsWith("playwright-")), "lib/ holds Playwright");
    }

    Path report = dir.resolve("report");
    try (LaunchedHost host = LaunchedHost.startLogged(TestPaths.root(), HostKind.REFERENCE, 50L,
        dir.resolve("reference-host.log"), Duration.ofSeconds(60))) {
      // echo/ is plain HTTP; sse/s2-eventsource drives Chromium, so the browser path is exercised too.
      Run run = launch(home, "run", "--target", "reference=" + host.url(), "--case", "echo/*",
          "--case", "sse/*eventsource*", "--keepalive-ms", "50", "--max-time", "150", "--report", report.toString(), "--no-progress");
      assertEquals(0, run.exit, "bin/flowconf run exited with 0; its output:\n" + run.output);
      assertTrue(run.output.contains("PASS"), "it reports passes:\n" + run.output);
      assertTrue(run.output.contains("s1-happy-path"), "it names the cases:\n" + run.output);
    }
    assertTrue(Files.isRegularFile(report.resolve("index.html")), "an HTML report in " + report);
    try (Stream<Path> files = Files.walk(report)) {
      assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".xml")), "JUnit XML in " + report);
    }
  }

  @Test
  void theLauncherSaysWhatItNeedsWhenJavaIsMissing() throws Exception {
    Path home = unpack(Path.of(System.getProperty("flowconf.suite.archive")));
    ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/flowconf").toString(), "--version")
        .directory(dir.toFile()).redirectErrorStream(true);
    // A PATH of exactly what the launcher needs before it looks for java: bash, dirname, readlink.
    Path tools = Files.createDirectories(dir.resolve("tools"));
    for (String tool : List.of("bash", "dirname", "readlink")) {
      Files.copy(Path.of("/usr/bin", tool), tools.resolve(tool), StandardCopyOption.COPY_ATTRIBUTES);
    }
    builder.environment().remove("JAVA_HOME");
    builder.environment().put("PATH", tools.toString());
    Run run = wait(builder.start());
    assertEquals(2, run.exit, run.output);
    assertTrue(run.output.contains("no java found"), run.output);
  }

  /** Unpacks with tar, as a user would; answers the archive's one top-level directory. */
  private Path unpack(Path archive) throws Exception {
    assertTrue(Files.isRegularFile(archive), archive + " exists (Maven's pre-integration-test phase builds it)");
    Path into = Files.createDirectories(dir.resolve("unpacked"));
    Run tar = wait(new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString())
        .redirectErrorStream(true).start());
    assertEquals(0, tar.exit, tar.output);
    try (Stream<Path> top = Files.list(into)) {
      List<Path> dirs = top.toList();
      assertEquals(1, dirs.size(), "one top-level directory: " + dirs);
      return dirs.get(0);
    }
  }

  private Run launch(Path home, String... args) throws IOException, InterruptedException {
    List<String> command = Stream.concat(Stream.of(home.resolve("bin/flowconf").toString()), Stream.of(args)).toList();
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    return wait(builder.start());
  }

  private static Run wait(Process process) throws IOException, InterruptedException {
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes(); // ends when the process closes its output
    if (!process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running after " + RUN_LIMIT + ":\n" + new String(out, StandardCharsets.UTF_8));
    }
    return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private record Run(int exit, String output) {}
}
