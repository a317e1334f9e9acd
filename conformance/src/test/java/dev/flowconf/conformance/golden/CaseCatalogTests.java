package dev.flowconf.conformance.golden;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseCatalogTests {

  private static final String VALID = """
      {
        "description": "S1 echo trims and lower-cases `value`",
        "clauses": ["ECHO-1"],
        "request": {"method": "POST", "path": "/echo", "headers": {"Content-Type": "application/json"},
                    "body": "{\\"value\\":\\"x\\"}"}
      }
      """;

  @TempDir
  Path goldensDir;

  @Test
  void loadsEveryCaseSortedByIdWithItsExactRequest() throws IOException {
    write("echo/z-last", VALID);
    write("echo/a-first", VALID);
    write("harness/binary", """
        {"description": "d", "clauses": ["C-1"],
         "request": {"method": "PUT", "path": "/x?q=1", "headers": {"content-type": "application/octet-stream"},
                     "bodyBase64": "/wA="}}
        """);

    List<GoldenCase> cases = CaseCatalog.load(new GoldenFiles(goldensDir)).cases();

    assertEquals(List.of("echo/a-first", "echo/z-last", "harness/binary"), cases.stream().map(GoldenCase::id).toList());
    CaseRequest echo = cases.get(0).request();
    assertAll(
        () -> assertEquals(List.of(new Header("content-type", "application/json")), echo.headers()),
        () -> assertArrayEquals("{\"value\":\"x\"}".getBytes(StandardCharsets.UTF_8), echo.body()),
        () -> assertArrayEquals(new byte[] {(byte) 0xFF, 0}, cases.get(2).request().body()),
        () -> assertEquals("/x?q=1", cases.get(2).request().path()));
  }

  @Test
  void selectsCasesByIdGlob() throws IOException {
    write("echo/s1-happy-path", VALID);
    write("echo/s1-empty-body", VALID);
    write("harness/echo-decimals", VALID);
    CaseCatalog catalog = CaseCatalog.load(new GoldenFiles(goldensDir));

    assertEquals(List.of("echo/s1-happy-path"), ids(catalog.matching(List.of("echo/s1-h*"))));
    assertEquals(List.of("echo/s1-empty-body", "echo/s1-happy-path", "harness/echo-decimals"),
        ids(catalog.matching(List.of("echo/*", "*/echo-*"))));
    assertEquals(3, catalog.matching(List.of()).size());
    assertEquals(List.of(), catalog.matching(List.of("echo")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"clauses\": [\"ECHO-1\"]|\"clauses\": []|at least one clause id",
      "\"method\": \"POST\"|\"method\": \"post\"|upper-case HTTP method",
      "\"path\": \"/echo\"|\"path\": \"echo\"|must start with `/`",
      "\"Content-Type\": \"application/json\"|\"x-other\": \"1\"|must set `content-type`",
      "\"Content-Type\": \"application/json\"|\"content-type\": \"a\", \"Content-Type\": \"b\"|more than once",
      "\"body\":|\"bodyBase64\": \"e30=\", \"body\":|not both",
      "\"description\"|\"descripton\"|not a valid case file",
      "\"clauses\": [\"ECHO-1\"]|\"clauses\": [\"ECHO-1\"], \"clauses\": [\"ECHO-2\"]|not a valid case file",
      "`value`|`value`\\n|one line"})
  void rejectsAnAmbiguousCaseFileNamingTheFileAndTheProblem(String valid, String broken, String problem)
      throws IOException {
    Path file = write("echo/broken", VALID.replace(valid, broken));

    InvalidCaseException error = assertThrows(InvalidCaseException.class,
        () -> CaseCatalog.load(new GoldenFiles(goldensDir)));

    assertTrue(error.getMessage().startsWith(file + ": "), error.getMessage());
    assertTrue(error.getMessage().contains(problem), error.getMessage());
  }

  private Path write(String caseId, String json) throws IOException {
    Path file = goldensDir.resolve("cases/" + caseId + ".case.json");
    Files.createDirectories(file.getParent());
    return Files.writeString(file, json);
  }

  private static List<String> ids(List<GoldenCase> cases) {
    return cases.stream().map(GoldenCase::id).toList();
  }
}
