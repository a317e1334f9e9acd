package dev.flowconf.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.cli.FlowconfCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code flowconf record}: a user writes a request, gets its golden from a reference target, and the suite then holds
 * that target to it. Against the real reference host, on a temporary goldens directory.
 */
@ExtendWith(PerJvmResources.class)
class RecordCommandTests {

  @TempDir
  Path goldens;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeANewCase() throws IOException {
    Files.copy(TestPaths.goldens().resolve("features.json"), goldens.resolve("features.json"));
    Path topic = Files.createDirectories(goldens.resolve("cases/mine"));
    Files.writeString(topic.resolve("shout.case.json"), """
        {
          "description": "S1 lower-cases a shout",
          "clauses": ["ECHO-1"],
          "request": {"method": "POST", "path": "/echo", "headers": {"content-type": "application/json"},
                      "body": "{\\"value\\":\\"  HEY  \\"}"}
        }
        """);
  }

  @Test
  void aNewCaseGetsItsApprovedTranscriptAndTheTargetThenPassesIt(HostsUnderTest hosts) throws IOException {
    String reference = "reference=" + hosts.target("reference").baseUrl();
    Path approved = goldens.resolve("cases/mine/shout.approved.txt");

    assertEquals(0, cli("record", "mine/shout", "--target", reference, "--goldens", goldens.toString()), err.toString());

    String transcript = Files.readString(approved);
    assertAll(
        () -> assertTrue(transcript.startsWith("# mine/shout — S1 lower-cases a shout\n"), transcript),
        () -> assertTrue(transcript.contains("<<< 200\n"), transcript),
        () -> assertTrue(transcript.contains("\"value\": \"hey\""), transcript),
        () -> assertTrue(out.toString().startsWith("created " + approved + " from reference's answer"), out.toString()),
        () -> assertTrue(out.toString().contains("  <<< 200"), "the transcript is printed for review: " + out),
        () -> assertEquals(0, cli("run", "--target", reference, "--goldens", goldens.toString(), "--no-progress"),
            "the target passes its own recording: " + out + err));
  }

  @Test
  void aCaseThatIsAlreadyApprovedIsLeftAlone(HostsUnderTest hosts) throws IOException {
    Path approved = Files.writeString(goldens.resolve("cases/mine/shout.approved.txt"), "<<< 418\n");
    String reference = "reference=" + hosts.target("reference").baseUrl();

    assertEquals(2, cli("record", "mine/shout", "--target", reference, "--goldens", goldens.toString()));
    assertEquals("<<< 418\n", Files.readString(approved));
    assertTrue(err.toString().contains("already has " + approved), err.toString());
  }

  @Test
  void anUnknownCaseSaysWhichFileToWrite(HostsUnderTest hosts) {
    String reference = "reference=" + hosts.target("reference").baseUrl();

    assertEquals(2, cli("record", "mine/whisper", "--target", reference, "--goldens", goldens.toString()));
    assertTrue(err.toString().contains("write " + goldens.resolve("cases/mine/whisper.case.json")), err.toString());
  }

  private int cli(String... args) {
    CommandLine cli = FlowconfCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
