package dev.flowconf.conformance.approval;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.golden.CaseKind;
import dev.flowconf.conformance.golden.CaseRequest;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.GoldenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verifications against a temporary goldens directory, so the real goldens are never touched. */
class ApprovalMismatchTests {

  private static final String APPROVED = """
      # echo/s1-happy-path — S1 echo trims and lower-cases `value`

      <<< 200
      content-type: application/json

      body: JSON, compact, 17 bytes
      {
        "value": "hello"
      }
      """;

  private static final GoldenCase HAPPY_PATH = new GoldenCase("echo/s1-happy-path", "d", List.of("ECHO-1"),
      new CaseKind.Exchange(false), new CaseRequest("POST", "/echo", List.of(), new byte[0]));

  @TempDir
  Path goldensDir;

  private Path approved;
  private TranscriptApproval approval;

  @BeforeEach
  void writeApprovedTranscript() throws IOException {
    Path topic = Files.createDirectories(goldensDir.resolve("cases/echo"));
    approved = topic.resolve("s1-happy-path.approved.txt");
    Files.writeString(approved, APPROVED);
    approval = new TranscriptApproval(new GoldenFiles(goldensDir));
  }

  @Test
  void aMatchingTranscriptPassesAndLeavesNoReceivedFile() {
    approval.verify(HAPPY_PATH, "workers", APPROVED);

    assertFalse(Files.exists(received("workers")));
  }

  @Test
  void aDifferingTranscriptFailsWithADiffNamingTheChangedLine() throws IOException {
    String changed = APPROVED.replace("\"hello\"", "\"Hello\"");

    TranscriptMismatch mismatch = assertThrows(TranscriptMismatch.class,
        () -> approval.verify(HAPPY_PATH, "workers", changed));

    assertAll(
        () -> assertTrue(mismatch.getMessage().startsWith(
            "echo/s1-happy-path @ workers [ECHO-1]: the received transcript differs"), mismatch.getMessage()),
        () -> assertTrue(mismatch.getMessage().contains("""
            --- s1-happy-path.approved.txt
            +++ s1-happy-path.workers.received.txt
            @@ -5,5 +5,5 @@
            \s
             body: JSON, compact, 17 bytes
             {
            -  "value": "hello"
            +  "value": "Hello"
             }
            """), mismatch.getMessage()),
        () -> assertEquals(APPROVED, mismatch.getExpected().getValue()),
        () -> assertEquals(changed, mismatch.getActual().getValue()),
        () -> assertEquals(changed, Files.readString(received("workers")), "received file kept for review"),
        () -> assertEquals(APPROVED, Files.readString(approved), "approved file untouched"));
  }

  @Test
  void aMissingApprovedFileFailsAndApprovesNothing() throws IOException {
    Files.delete(approved);

    TranscriptMismatch mismatch = assertThrows(TranscriptMismatch.class,
        () -> approval.verify(HAPPY_PATH, "reference", APPROVED));

    assertAll(
        () -> assertTrue(mismatch.getMessage().startsWith("echo/s1-happy-path @ reference [ECHO-1]: no approved transcript yet: "), mismatch.getMessage()),
        () -> assertTrue(mismatch.getMessage().contains("--- /dev/null\n+++ s1-happy-path.reference.received.txt\n"
            + "@@ -0,0 +1,9 @@\n+# echo/s1-happy-path"), mismatch.getMessage()),
        () -> assertFalse(Files.exists(approved), "nothing may be approved automatically"),
        () -> assertTrue(Files.exists(received("reference"))));
  }

  @Test
  void everyHostVerifiesAgainstTheSameApprovedFileInOneRun() {
    // Plain FileApprover would throw ApprovalsDuplicateVerifyException on the second host.
    approval.verify(HAPPY_PATH, "reference", APPROVED);
    approval.verify(HAPPY_PATH, "workers", APPROVED);

    TranscriptMismatch third = assertThrows(TranscriptMismatch.class,
        () -> approval.verify(HAPPY_PATH, "other", APPROVED.replace("200", "500")));
    assertTrue(third.getMessage().contains("-<<< 200\n+<<< 500\n"), third.getMessage());
  }

  @Test
  void aFreshRunIdMatchesItsScrubbedTokenInTheApprovedTranscript() throws IOException {
    Files.writeString(approved, APPROVED.replace("\"hello\"", "\"<uuid-1>\""));

    approval.verify(HAPPY_PATH, "reference", APPROVED.replace("\"hello\"", "\"4d1f0c3e-2b7a-4c55-9e0d-7a1b2c3d4e5f\""));
    approval.verify(HAPPY_PATH, "workers", APPROVED.replace("\"hello\"", "\"0b9e6a2d-51c4-4f3e-8a77-c0ffee123456\""));

    assertFalse(Files.exists(received("workers")));
  }

  private Path received(String host) {
    return goldensDir.resolve("cases/echo/s1-happy-path." + host + ".received.txt");
  }
}
