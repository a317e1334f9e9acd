package dev.flowconf.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code flowconf serve}: its refusals, and a real reference host started, announced, answering and stopped. */
class ServeCommandTests {

  @TempDir
  Path checkout;

  private final StringWriter err = new StringWriter();

  @Test
  void anUnbuiltHostIsNamedWithTheBuildCommand() {
    assertEquals(2, serve("reference", "--root", checkout.toString()));

    assertTrue(err.toString().contains("the reference host is not built: "
        + checkout.resolve("reference-host/target/reference-host.jar") + " is missing; build it with "
        + "./mvnw package -DskipTests"), err.toString());
  }

  @Test
  void theWorkersHostNeedsTheBuiltWorkerToo() throws IOException {
    Path jar = checkout.resolve("harness-workerd/target/harness-workerd.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "");

    assertEquals(2, serve("workers", "--root", checkout.toString()));

    assertTrue(err.toString().contains(checkout.resolve("host-workers/target/worker/entry.mjs") + " is missing; "
        + "build it with ./mvnw package -DskipTests"), err.toString());
  }

  @Test
  void onlyTheTwoHostsOfThisCheckoutCanBeServed() {
    assertEquals(2, serve("axum"));

    assertTrue(err.toString().contains("expected reference or workers, got `axum`"), err.toString());
  }


  @Test
  void startsTheReferenceHostAnnouncesItAndEndsWithIt() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = FlowconfCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving = new Thread(() -> exit.set(cli.execute("serve", "reference", "--port", "0", "--keepalive-ms", "50")));
    serving.start();
    Matcher announced = Pattern.compile("flowconf: reference host at (http://127\\.0\\.0\\.1:\\d+) \\(pid (\\d+)\\)")
        .matcher("");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!announced.reset(out.toString()).find() && serving.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(announced.find(0), "announced:\n" + out + err);
    try {
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(announced.group(1) + "/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode(), health.body());
      assertTrue(out.toString().contains("flowconf reference host listening on " + announced.group(1)), out.toString());
      assertTrue(out.toString().contains("keep-alive after 50 ms"), "the option reached the host:\n" + out);
    } finally {
      ProcessHandle.of(Long.parseLong(announced.group(2))).ifPresent(ProcessHandle::destroy);
    }
    serving.join(TimeUnit.SECONDS.toMillis(30));
    assertFalse(serving.isAlive(), "serve returns when its host ends");
    assertEquals(1, exit.get(), "a host that ended by a signal is not a clean exit");
  }

  private int serve(String... args) {
    CommandLine cli = FlowconfCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    String[] all = new String[args.length + 1];
    all[0] = "serve";
    System.arraycopy(args, 0, all, 1, args.length);
    return cli.execute(all);
  }
}
