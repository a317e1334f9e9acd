package dev.flowconf.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code flowconf serve}'s refusals; starting a real host is what ci/serve and the README show. */
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
