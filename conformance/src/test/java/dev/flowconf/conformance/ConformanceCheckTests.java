package dev.flowconf.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.golden.CaseCatalog;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.GoldenFiles;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.replay.Target;
import dev.flowconf.conformance.report.Outcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole check against a canned host, with copies of the real happy-path case and transcript. */
@ExtendWith(PerJvmResources.class)
class ConformanceCheckTests {

  private static final String CASE = "echo/s1-happy-path";

  @TempDir
  Path goldensDir;

  private CannedHostTestCase host;
  private GoldenFiles goldens;
  private GoldenCase happyPath;

  @BeforeEach
  void copyCaseAndStartHost() throws IOException {
    Path topic = Files.createDirectories(goldensDir.resolve("cases/echo"));
    for (String suffix : List.of(".case.json", ".approved.txt")) {
      Files.copy(TestPaths.goldens().resolve("cases/" + CASE + suffix), topic.resolve("s1-happy-path" + suffix));
    }
    goldens = new GoldenFiles(goldensDir);
    happyPath = CaseCatalog.load(goldens).cases().get(0);
    host = CannedHostTestCase.start();
  }

  @AfterEach
  void stopHost() {
    host.close();
  }

  @Test
  void aHostAnsweringAsApprovedPasses(PlaywrightRuntime playwright) {
    host.answer("/echo", 200, "application/json", "{\"value\":\"hello\"}");

    List<Outcome> outcomes = new ConformanceCheck(playwright, goldens).checkAll(List.of(happyPath),
        List.of(host.target("canned")));

    assertTrue(outcomes.get(0).isPass(), () -> outcomes.get(0).failure().orElseThrow());
  }

  @Test
  void aHostAnsweringDifferentlyFailsWithTheChangedLines(PlaywrightRuntime playwright) {
    host.answer("/echo", 200, "application/json; charset=utf-8", "{\"value\":\"HeLLo\"}");

    Outcome outcome = new ConformanceCheck(playwright, goldens).checkAll(List.of(happyPath),
        List.of(host.target("canned"))).get(0);

    String failure = outcome.failure().orElseThrow();
    assertTrue(failure.contains("-content-type: application/json\n+content-type: application/json; charset=utf-8\n"),
        failure);
    assertTrue(failure.contains("-  \"value\": \"hello\"\n+  \"value\": \"HeLLo\"\n"), failure);
    assertTrue(Files.exists(goldensDir.resolve("cases/echo/s1-happy-path.canned.received.txt")));
  }

  @Test
  void anUnreachableHostIsAFailedOutcomeNotAnAbort(PlaywrightRuntime playwright) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Target gone = new Target("gone", URI.create("http://127.0.0.1:" + closedPort));

    Outcome outcome = new ConformanceCheck(playwright, goldens).checkAll(List.of(happyPath), List.of(gone)).get(0);

    String failure = outcome.failure().orElseThrow();
    assertTrue(failure.startsWith("echo/s1-happy-path @ gone [ECHO-1 RESP-VALUE-1]: request to http://127.0.0.1:"
        + closedPort + "/echo failed: "), failure);
  }
}
