package dev.flowconf.conformance.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpectationsTests {

  private static final String SPILL_FAILS = """
      {"expected": "FAIL", "clause": "SPILL-HOST-1", "reason": "workerd has no spill storage"}
      """;

  @TempDir
  Path goldensDir;

  private GoldenFiles goldens;

  @BeforeEach
  void writeCase() throws IOException {
    Path file = Files.createDirectories(goldensDir.resolve("cases/flows")).resolve("s6-spill-acks.case.json");
    Files.writeString(file, """
        {"description": "d", "clauses": ["SPILL-HOST-1", "RESP-VALUE-1"], "request": {"method": "POST", "path": "/spill"}}
        """);
    goldens = new GoldenFiles(goldensDir);
  }

  @Test
  void findsEachHostsExpectedFailureByCaseId() throws IOException {
    expect("workers", "flows/s6-spill-acks", SPILL_FAILS);

    Expectations expectations = Expectations.load(goldens, CaseCatalog.load(goldens));

    assertEquals(Optional.of(new Expectation("flows/s6-spill-acks", "workers", "SPILL-HOST-1",
        "workerd has no spill storage")), expectations.of("flows/s6-spill-acks", "workers"));
    assertEquals(Optional.empty(), expectations.of("flows/s6-spill-acks", "reference"));
  }

  @Test
  void noExpectationsDirectoryMeansNoExpectedFailures() {
    assertEquals(Optional.empty(), Expectations.load(goldens, CaseCatalog.load(goldens))
        .of("flows/s6-spill-acks", "workers"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "flows/s6-spill-ack|\"FAIL\"|SPILL-HOST-1|no case `flows/s6-spill-ack`",
      "flows/s6-spill-acks|\"PASS\"|SPILL-HOST-1|`expected` must be `FAIL`",
      "flows/s6-spill-acks|\"FAIL\"|ENV-SPILL-1|`clause` must be one that `flows/s6-spill-acks` cites"})
  void rejectsAnExpectationThatNamesNoCaseOrAClauseTheCaseDoesNotCite(String caseId, String expected, String clause,
      String problem) throws IOException {
    Path file = expect("workers", caseId,
        "{\"expected\": " + expected + ", \"clause\": \"" + clause + "\", \"reason\": \"r\"}");

    InvalidCaseException error = assertThrows(InvalidCaseException.class,
        () -> Expectations.load(goldens, CaseCatalog.load(goldens)));

    assertTrue(error.getMessage().startsWith(file + ": "), error.getMessage());
    assertTrue(error.getMessage().contains(problem), error.getMessage());
  }

  @Test
  void anUpstreamHostsEntrySaysWhyAndWhereAndPinsItsDeviation() throws IOException {
    expect("axum", "flows/s6-spill-acks", "{\"expected\": \"FAIL\", \"clause\": \"SPILL-HOST-1\", \"class\": "
        + "\"upstream-defect\", \"upstream\": \"o/r@abc x.rs:1\", \"reason\": \"r\", \"reproduction\": \"run it\"}");
    Files.writeString(goldensDir.resolve("expectations/axum/flows/s6-spill-acks.deviation.txt"), "<<< 500\n");

    Expectation entry = Expectations.load(goldens, CaseCatalog.load(goldens)).of("flows/s6-spill-acks", "axum")
        .orElseThrow();

    assertEquals(Optional.of(new Expectation.Finding(Expectation.Finding.Kind.UPSTREAM_DEFECT, "o/r@abc x.rs:1",
        Optional.of("run it"))), entry.finding());
    assertEquals(Optional.of("<<< 500\n"), entry.deviation());
    assertEquals("SPILL-HOST-1, upstream defect: r", entry.summary());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"class\": \"wrong\", \"upstream\": \"u\"|`class` must be `spec-differs` or `upstream-defect`",
      "\"class\": \"spec-differs\"|needs `upstream`",
      "\"class\": \"upstream-defect\", \"upstream\": \"u\"|an `upstream-defect` needs a `reproduction`",
      "\"class\": \"spec-differs\", \"upstream\": \"u\", \"reproduction\": \"x\"|only an `upstream-defect` has",
      "\"upstream\": \"u\"|belong to a `class`ified difference"})
  void aClassifiedDifferenceNeedsItsSourceAndADefectItsReproduction(String fields, String problem) throws IOException {
    Path file = expect("axum", "flows/s6-spill-acks",
        "{\"expected\": \"FAIL\", \"clause\": \"SPILL-HOST-1\", \"reason\": \"r\", " + fields + "}");

    InvalidCaseException error = assertThrows(InvalidCaseException.class,
        () -> Expectations.load(goldens, CaseCatalog.load(goldens)));

    assertTrue(error.getMessage().startsWith(file + ": "), error.getMessage());
    assertTrue(error.getMessage().contains(problem), error.getMessage());
  }

  @Test
  void aPinnedDeviationWithoutItsEntryIsAnError() throws IOException {
    Path pinned = goldensDir.resolve("expectations/axum/flows/s6-spill-acks.deviation.txt");
    Files.createDirectories(pinned.getParent());
    Files.writeString(pinned, "<<< 500\n");

    InvalidCaseException error = assertThrows(InvalidCaseException.class,
        () -> Expectations.load(goldens, CaseCatalog.load(goldens)));

    assertTrue(error.getMessage().startsWith(pinned + ": pins a deviation"), error.getMessage());
  }

  private Path expect(String host, String caseId, String json) throws IOException {
    Path file = goldensDir.resolve("expectations/" + host + "/" + caseId + ".json");
    Files.createDirectories(file.getParent());
    return Files.writeString(file, json);
  }
}
