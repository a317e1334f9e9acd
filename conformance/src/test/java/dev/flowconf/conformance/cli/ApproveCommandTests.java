package dev.flowconf.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code flowconf approve} on a temporary goldens directory. */
class ApproveCommandTests {

  private static final String APPROVED = "<<< 200\n{\"value\":\"hello\"}\n";
  private static final String CHANGED = "<<< 200\n{\"value\":\"Hello\"}\n";

  @TempDir
  Path goldensDir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path approved;

  @BeforeEach
  void writeCase() throws IOException {
    Path topic = Files.createDirectories(goldensDir.resolve("cases/echo"));
    Files.writeString(topic.resolve("happy.case.json"),
        "{\"description\": \"d\", \"clauses\": [\"ECHO-1\"], \"request\": {\"method\": \"GET\", \"path\": \"/\"}}");
    approved = Files.writeString(topic.resolve("happy.approved.txt"), APPROVED);
  }

  @Test
  void theOnlyReceivedTranscriptBecomesTheApprovedOneAndIsDeleted() throws IOException {
    Path received = received("workers", CHANGED);

    assertEquals(0, approve("echo/happy"));

    assertAll(
        () -> assertEquals(CHANGED, Files.readString(approved)),
        () -> assertFalse(Files.exists(received)),
        () -> assertTrue(out.toString().startsWith("approved " + approved + " with the received transcript of workers\n"),
            out.toString()),
        () -> assertTrue(out.toString().contains("  -{\"value\":\"hello\"}\n  +{\"value\":\"Hello\"}\n"), out.toString()),
        () -> assertTrue(out.toString().contains("deleted " + received + "\n"), out.toString()));
  }

  @Test
  void hostsThatLeftTheSameTranscriptNeedNoHostAndAreAllSettled() throws IOException {
    Path fromReference = received("reference", CHANGED);
    Path fromWorkers = received("workers", CHANGED);

    assertEquals(0, approve("echo/happy"));

    assertEquals(CHANGED, Files.readString(approved));
    assertFalse(Files.exists(fromReference));
    assertFalse(Files.exists(fromWorkers));
  }

  @Test
  void hostsThatDifferNeedHostAndTheOtherReceivedFileIsKept() throws IOException {
    received("reference", CHANGED);
    Path fromWorkers = received("workers", "<<< 500\n");

    assertEquals(2, approve("echo/happy"));
    assertTrue(err.toString().contains("differ between hosts (reference, workers); say which one to approve with --host"),
        err.toString());
    assertEquals(APPROVED, Files.readString(approved), "nothing changed");

    assertEquals(0, approve("echo/happy", "--host", "reference"));
    assertEquals(CHANGED, Files.readString(approved));
    assertTrue(Files.exists(fromWorkers));
    assertTrue(out.toString().contains("kept " + fromWorkers + " (it differs from the new approved transcript)"),
        out.toString());
  }

  @Test
  void nothingToApproveIsExitTwo() {
    assertEquals(2, approve("echo/happy"));
    assertTrue(err.toString().contains("nothing to approve: `echo/happy` has no received transcript"), err.toString());

    assertEquals(2, approve("echo/nope"));
    assertTrue(err.toString().contains("no case `echo/nope`"), err.toString());
  }

  @Test
  void aHostsExpectedFailureIsNotApproved() throws IOException {
    Path received = received("workers", CHANGED);
    Path ledger = goldensDir.resolve("expectations/workers/echo/happy.json");
    Files.createDirectories(ledger.getParent());
    Files.writeString(ledger, "{\"expected\": \"FAIL\", \"clause\": \"ECHO-1\", \"reason\": \"r\"}");

    assertEquals(2, approve("echo/happy"));

    assertTrue(err.toString().contains(ledger + " expects workers to fail `echo/happy`"), err.toString());
    assertEquals(APPROVED, Files.readString(approved));
    assertTrue(Files.exists(received));
  }

  @Test
  void aCaseWithoutAnApprovedTranscriptGetsOne() throws IOException {
    Files.delete(approved);
    received("reference", CHANGED);

    assertEquals(0, approve("echo/happy", "--host", "reference"));

    assertEquals(CHANGED, Files.readString(approved));
    assertTrue(out.toString().startsWith("created " + approved), out.toString());
  }

  private Path received(String host, String text) throws IOException {
    return Files.writeString(goldensDir.resolve("cases/echo/happy." + host + ".received.txt"), text);
  }

  private int approve(String... args) {
    CommandLine cli = FlowconfCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 3];
    all[0] = "approve";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--goldens";
    all[args.length + 2] = goldensDir.toString();
    return cli.execute(all);
  }
}
