package dev.flowconf.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.isolation.LeakyHost;
import dev.flowconf.conformance.isolation.LeakyHost.Leak;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code flowconf isolate}: its exit code and lines, against played hosts that leak or do not. */
class IsolateCommandTests {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void aHostThatKeepsRequestsApartExitsZeroWithItsSummary() throws Exception {
    try (LeakyHost host = LeakyHost.start(Leak.NONE)) {
      assertEquals(0, isolate("--target", "a=" + host.target().baseUrl(), "--requests", "30", "--in-flight", "10"));

      assertTrue(out.toString().matches("isolation a: 30 requests to /meta /harness/echo /echo, 10 in flight: 0 mismatches, 0 failed \\(\\d+\\.\\d s\\)\n"),
          out.toString());
    }
  }

  @Test
  void aLeakExitsOneAndListsTheFirstMismatches() throws Exception {
    try (LeakyHost leaky = LeakyHost.start(Leak.QUERY); LeakyHost sound = LeakyHost.start(Leak.NONE)) {
      assertEquals(1, isolate("--target", "leaky=" + leaky.target().baseUrl(), "--target", "sound="
          + sound.target().baseUrl(), "--requests", "30", "--in-flight", "10", "--show", "2"));

      String[] lines = out.toString().split("\n");
      assertTrue(lines[0].matches("isolation leaky: 30 requests to /meta /harness/echo /echo, 10 in flight: (9|10) mismatches, 0 failed .*"), lines[0]);
      assertTrue(lines[1].startsWith("  mismatch #") && lines[1].contains("extensions.http.query is"), lines[1]);
      assertTrue(lines[3].startsWith("  … and ") && lines[3].endsWith(" more mismatches"), lines[3]);
      assertTrue(lines[4].startsWith("isolation sound: 30 requests to /meta /harness/echo /echo, 10 in flight: 0 mismatches, 0 failed"), lines[4]);
    }
  }

  @Test
  void targetNamesMustBeUnique() {
    assertEquals(2, isolate("--target", "w=http://127.0.0.1:1", "--target", "w=http://127.0.0.1:2"));
    assertTrue(err.toString().contains("each --target needs its own NAME"), err.toString());
  }

  @Test
  void atLeastOneRequestInFlight() {
    assertEquals(2, isolate("--target", "w=http://127.0.0.1:1", "--in-flight", "0"));
    assertTrue(err.toString().contains("--requests and --in-flight must be at least 1"), err.toString());
  }

  @Test
  void routesAreChosenByPath() throws Exception {
    try (LeakyHost host = LeakyHost.start(Leak.AUTH_USER)) {
      // The leaked user shows on /meta and /echo only: sending to /harness/echo alone passes.
      assertEquals(0, isolate("--target", "a=" + host.target().baseUrl(), "--route", "/harness/echo", "--requests", "20",
          "--in-flight", "5"));
      assertTrue(out.toString().startsWith("isolation a: 20 requests to /harness/echo, 5 in flight: 0 mismatches"),
          out.toString());
    }
  }

  @Test
  void anUnknownRouteIsRefused() {
    assertEquals(2, isolate("--target", "w=http://127.0.0.1:1", "--route", "/stream"));
    assertTrue(err.toString().contains("no isolation route at `/stream`"), err.toString());
  }

  private int isolate(String... args) {
    CommandLine cli = FlowconfCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "isolate";
    System.arraycopy(args, 0, all, 1, args.length);
    return cli.execute(all);
  }
}
