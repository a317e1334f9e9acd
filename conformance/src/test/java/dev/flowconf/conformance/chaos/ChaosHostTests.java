package dev.flowconf.conformance.chaos;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.TestPaths;
import dev.flowconf.conformance.chaos.ChaosHost.Fault;
import dev.flowconf.conformance.cli.FlowconfCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The runner against hosts that misbehave (issue 14): each fault is named in one line in the table's digest and the
 * JUnit XML, no transport stack trace reaches the verdict, and every run ends within a bound set by --timeout.
 */
class ChaosHostTests {

  /** What the verdict says for each fault, on both a value case and a stream case. */
  private static final Map<Fault, String> NAMED = new EnumMap<>(Map.ofEntries(
      Map.entry(Fault.SILENT, "no answer within 2 s"),
      Map.entry(Fault.CLOSE_BEFORE_STATUS, "connection closed before the status line"),
      Map.entry(Fault.NOT_HTTP, "status line is not HTTP/1.x: \"SSH-2.0-OpenSSH_9.2\""),
      Map.entry(Fault.ENDLESS_HEADERS, "answer not complete within 2 s: still in the header section after"),
      Map.entry(Fault.SHORT_BODY, "body ended after 9 of the 100 bytes its content-length announced"),
      Map.entry(Fault.LONG_BODY, "body longer than its content-length: 14 more bytes after the 2 announced"),
      Map.entry(Fault.BAD_CHUNKED, "bad chunked encoding: chunk size line \"zz\""),
      Map.entry(Fault.ENDLESS_SSE, "answer not complete within 2 s: still in the body after"),
      Map.entry(Fault.GIGABYTE_BODY, "body larger than the 16 MiB the runner reads (no length given)"),
      Map.entry(Fault.HUGE_HEADERS, "header section larger than 1024 KiB (stopped reading)"),
      Map.entry(Fault.ONE_BYTE_A_SECOND, "answer not complete within 2 s: still in the status line after"),
      Map.entry(Fault.RESET_MID_EVENT, "connection reset in the body after"),
      Map.entry(Fault.HTTP10_WITHOUT_LENGTH, "answered HTTP/1.0 without a content-length")));

  private static final String VALUE_CASE = "echo/s1-auth-user";
  private static final String STREAM_CASE = "sse/stream-item-error";

  @TempDir
  Path reports;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void everyFaultIsNamedInOneLineAndTheRunEndsWithinItsBound() throws Exception {
    List<ChaosHost> hosts = new ArrayList<>();
    List<String> args = new ArrayList<>(List.of("run", "--goldens", TestPaths.goldens().toString(), "--case", VALUE_CASE,
        "--case", STREAM_CASE, "--timeout", "2", "--give-up-after", "0", "--jobs", "4", "--no-progress",
        "--report", reports.toString()));
    try {
      for (Fault fault : NAMED.keySet()) {
        ChaosHost host = ChaosHost.start(fault);
        hosts.add(host);
        args.addAll(List.of("--target", fault.targetName() + "=" + host.url()));
      }
      long started = System.nanoTime();
      int exit = run(args.toArray(String[]::new));
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      List<Executable> checks = new ArrayList<>();
      checks.add(() -> assertEquals(1, exit, err.toString()));
      // 26 exchanges, 4 at a time; 8 of them wait out the 2 s timeout: about 4 s, plus Playwright's start
      checks.add(() -> assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "took " + took));
      checks.add(() -> assertFalse(out.toString().contains("\tat "), "a stack trace in the output:\n" + out));
      for (Map.Entry<Fault, String> named : NAMED.entrySet()) {
        String name = named.getKey().targetName();
        String junit = Files.readString(reports.resolve("junit-" + name + ".xml"));
        for (String id : List.of(VALUE_CASE, STREAM_CASE)) {
          checks.add(() -> assertTrue(verdict(id, name, named.getValue()).matcher(out.toString()).find(),
              "the digest lacks " + id + " @ " + name + ": " + named.getValue() + ":\n" + out));
        }
        // both cases, each in its failure's message attribute (the first line) and in its text
        checks.add(() -> assertEquals(4, count(junit, Pattern.quote(xml(named.getValue(), true)))
                + (named.getValue().contains("\"") ? count(junit, Pattern.quote(xml(named.getValue(), false))) : 0),
            name + ": the JUnit XML names the fault for both cases:\n" + junit));
      }
      assertAll(checks);
    } finally {
      for (ChaosHost host : hosts) {
        host.close();
      }
    }
  }

  @Test
  void anUnreachableTargetStopsTheRunWithOneLineAndExitTwo() throws IOException {
    String url = closedPortUrl();
    long started = System.nanoTime();
    int exit = run("run", "--goldens", TestPaths.goldens().toString(), "--target", "gone=" + url, "--no-progress");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertAll(
        () -> assertEquals(2, exit),
        () -> assertEquals("flowconf: target gone unreachable: " + url + ": connection refused"
            + " (no case run; --keep-going runs the others)\n", err.toString()),
        () -> assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took));
  }

  @Test
  void withKeepGoingAnUnreachableTargetsCasesFailAtOnceAndOthersStillRun() throws IOException {
    String url = closedPortUrl();
    try (ChaosHost slow = ChaosHost.start(Fault.SHORT_BODY)) {
      int exit = run("run", "--goldens", TestPaths.goldens().toString(), "--case", VALUE_CASE, "--keep-going",
          "--target", "gone=" + url, "--target", "short=" + slow.url(), "--no-progress");

      assertAll(
          () -> assertEquals(1, exit),
          () -> assertTrue(verdict(VALUE_CASE, "gone", "target unreachable (not sent): " + url + ": connection refused")
              .matcher(out.toString()).find(), out.toString()),
          () -> assertTrue(verdict(VALUE_CASE, "short", NAMED.get(Fault.SHORT_BODY)).matcher(out.toString()).find(),
              out.toString()));
    }
  }

  @Test
  void aHostSilentEvenToThePreCheckCostsOneTimeout() throws IOException {
    try (ChaosHost silent = ChaosHost.start(Fault.SILENT_TO_ALL)) {
      long started = System.nanoTime();
      int exit = run("run", "--goldens", TestPaths.goldens().toString(), "--target", "mute=" + silent.url(),
          "--timeout", "2", "--no-progress");
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertAll(
          () -> assertEquals(2, exit),
          () -> assertTrue(err.toString().startsWith("flowconf: target mute unreachable: " + silent.url()
              + ": no answer within 2 s to GET / (no case run"), err.toString()),
          () -> assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, "took " + took));
    }
  }

  /**
   * The whole suite against a host that answers the pre-check and nothing else: after 3 unanswered exchanges its
   * other cases fail at once. Prints the wall time (the measure issue 14 asks for; ci/stress repeats it with the
   * default timeout).
   */
  @Test
  void theWholeSuiteAgainstAHostThatStoppedAnsweringEndsWithinAFewTimeouts() throws IOException {
    try (ChaosHost silent = ChaosHost.start(Fault.SILENT)) {
      long started = System.nanoTime();
      int exit = run("run", "--goldens", TestPaths.goldens().toString(), "--target", "stalled=" + silent.url(),
          "--timeout", "2", "--no-progress");
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      int givenUp = count(out.toString(), Pattern.quote("host not answering (not sent): 3 exchanges in a row"));
      System.out.printf("whole suite against a stalled host, --timeout 2: %.1f s, %d cases not sent%n",
          took.toMillis() / 1000.0, givenUp);

      assertAll(
          () -> assertEquals(1, exit),
          () -> assertTrue(givenUp > 100, givenUp + " cases given up on:\n" + out),
          // the abort cases first, one at a time (their probe read waits 5 s), then one timeout per parallel slot
          () -> assertTrue(took.compareTo(Duration.ofSeconds(40)) < 0, "took " + took));
    }
  }

  /** A URL where nothing listens: the port was free a moment ago. */
  private static String closedPortUrl() throws IOException {
    try (ServerSocket closed = new ServerSocket(0)) {
      return "http://127.0.0.1:" + closed.getLocalPort();
    }
  }

  private int run(String... args) {
    CommandLine cli = FlowconfCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  /** A failure's first line: case, host and clauses, then the reason. */
  private static Pattern verdict(String caseId, String host, String reason) {
    return Pattern.compile("FAIL " + Pattern.quote(caseId + " @ " + host + " [") + "[^\\]]*\\]: " + Pattern.quote(reason));
  }

  private static int count(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (matcher.find()) {
      n++;
    }
    return n;
  }

  /** As XML writes it: in an attribute, quotes are escaped too. */
  private static String xml(String text, boolean attribute) {
    String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return attribute ? escaped.replace("\"", "&quot;") : escaped;
  }
}
