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
        () -> assertEquals(new CaseKind.Exchange(false), cases.get(0).kind(), "exchange is the default kind"),
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

  @Test
  void selectsCasesCitingAClauseIdOrAnIdPrefixCutAtADash() throws IOException {
    write("sse/a", VALID.replace("\"ECHO-1\"", "\"SSE-ERROR-1\""));
    write("sse/b", VALID.replace("\"ECHO-1\"", "\"SSE-ERROR-ITEM-1\", \"SSE-DATA-1\""));
    write("echo/c", VALID);
    CaseCatalog catalog = CaseCatalog.load(new GoldenFiles(goldensDir));

    assertEquals(List.of("sse/a", "sse/b"), ids(catalog.citing(List.of(new ClauseSelector("SSE")))));
    assertEquals(List.of("sse/a", "sse/b"), ids(catalog.citing(List.of(new ClauseSelector("sse-error")))),
        "a prefix selects SSE-ERROR-1 and SSE-ERROR-ITEM-1; ids are upper-case whatever was typed");
    assertEquals(List.of("sse/a"), ids(catalog.citing(List.of(new ClauseSelector("SSE-ERROR-1")))));
    assertEquals(List.of("echo/c", "sse/b"),
        ids(catalog.citing(List.of(new ClauseSelector("ECHO-1"), new ClauseSelector("SSE-DATA")))));
    assertEquals(3, catalog.citing(List.of()).size());
  }

  @Test
  void aClauseSelectorNoCaseAnswersToIsAnErrorListingThePrefixesCited() throws IOException {
    write("sse/a", VALID.replace("\"ECHO-1\"", "\"SSE-ERROR-1\""));
    write("echo/c", VALID);
    CaseCatalog catalog = CaseCatalog.load(new GoldenFiles(goldensDir));

    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> catalog.citing(List.of(new ClauseSelector("SS"))));

    assertEquals("no case cites clause `SS` or an id starting `SS-`; the cases cite ids starting ECHO, SSE "
        + "(see SPEC.md)", unknown.getMessage(), "a prefix ends at a dash: SS does not select SSE-*");
    assertThrows(IllegalArgumentException.class, () -> new ClauseSelector("SSE-"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"clauses\": [\"ECHO-1\"]|\"clauses\": []|at least one clause id",
      "\"method\": \"POST\"|\"method\": \"PO ST\"|must be an HTTP method (a token",
      "\"path\": \"/echo\"|\"path\": \"echo\"|must start with `/`",
      "\"Content-Type\": \"application/json\"|\"content-type\": \"a\", \"Content-Type\": \"b\"|more than once",
      "\"body\":|\"bodyBase64\": \"e30=\", \"body\":|give one body source (`body`, `bodyBase64` or `bodyRepeat`), not `body` and `bodyBase64`",
      "\"body\":|\"bodyRepeat\": {\"repeat\": \"a\", \"times\": 2}, \"body\":|not `body` and `bodyRepeat`",
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

  @Test
  void readsEachKindWithItsOwnSettings() throws IOException {
    Files.writeString(goldensDir.resolve("features.json"),
        "{\"keepalive-interval\": \"short keep-alive\", \"run-probe\": \"the probe\"}");
    write("sse/keep-alive", """
        {"description": "d", "clauses": ["SSE-KEEPALIVE-1"], "keepAlive": "required", "features": ["keepalive-interval"],
         "request": {"method": "GET", "path": "/stream"}}
        """);
    write("sse/eventsource", """
        {"description": "d", "clauses": ["SSE-GET-1"], "kind": "browser-eventsource",
         "request": {"method": "GET", "path": "/site/stream?site=alpha"}}
        """);
    write("cancellation/stream", """
        {"description": "d", "clauses": ["CANCEL-1"], "features": ["run-probe"], "kind": "abort-stream", "abortAfterEvents": 2,
         "request": {"method": "GET", "path": "/cancel"}}
        """);
    write("cancellation/value", """
        {"description": "d", "clauses": ["CANCEL-2"], "features": ["run-probe"], "kind": "abort-value", "abortAfterMs": 100,
         "request": {"method": "POST", "path": "/harness/slow", "headers": {"content-type": "application/json"},
                     "body": "{}"}}
        """);

    assertEquals(List.of(new CaseKind.AbortStream(2), new CaseKind.AbortValue(100), new CaseKind.BrowserEventSource(),
            new CaseKind.Exchange(true)),
        CaseCatalog.load(new GoldenFiles(goldensDir)).cases().stream().map(GoldenCase::kind).toList());
  }

  @Test
  void anArrayOfValuesSendsTheFieldThatManyTimes() throws IOException {
    write("metadata/repeated", """
        {"description": "d", "clauses": ["META-HEADERS-1"],
         "request": {"method": "GET", "path": "/meta", "headers": {"host": "localhost", "X-Multi": ["a", "b"]}}}
        """);

    CaseRequest request = CaseCatalog.load(new GoldenFiles(goldensDir)).cases().get(0).request();

    assertEquals(List.of(new Header("host", "localhost"), new Header("x-multi", "a"), new Header("x-multi", "b")),
        request.headers());
    assertTrue(request.repeatsAHeaderName());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"kind\": \"websocket\"|`kind` must be exchange, browser-eventsource, abort-stream or abort-value",
      "\"keepAlive\": \"optional\"|`keepAlive` can only be `required`",
      "\"kind\": \"abort-stream\"|`abortAfterEvents` is missing",
      "\"kind\": \"abort-stream\", \"abortAfterEvents\": 0|`abortAfterEvents` must be at least 1",
      "\"kind\": \"abort-value\", \"abortAfterMs\": 100, \"keepAlive\": \"required\"|`keepAlive` does not apply",
      "\"abortAfterMs\": 100|`abortAfterMs` does not apply",
      "\"kind\": \"browser-eventsource\"|an EventSource sends a plain GET",
      "\"kind\": \"abort-value\", \"abortAfterMs\": 1, \"request\": {\"method\": \"GET\", \"path\": \"/\", \"headers\": {\"x\": [\"1\", \"2\"]}}|only an `exchange` case can send this request: it repeats a header name",
      "\"kind\": \"abort-value\", \"abortAfterMs\": 1, \"request\": {\"method\": \"get\", \"path\": \"/\"}|only an `exchange` case can send this request: its method is not upper-case"})
  void rejectsKindSettingsThatDoNotFit(String fields, String problem) throws IOException {
    String json = fields.contains("\"request\"")
        ? "{\"description\": \"d\", \"clauses\": [\"C-1\"], " + fields + "}"
        : VALID.replace("\"clauses\": [\"ECHO-1\"],", "\"clauses\": [\"ECHO-1\"], " + fields + ",");
    write("kinds/broken", json);

    InvalidCaseException error = assertThrows(InvalidCaseException.class,
        () -> CaseCatalog.load(new GoldenFiles(goldensDir)));

    assertTrue(error.getMessage().contains(problem), error.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[\"a\"]|an array of two or more strings",
      "[\"a\", 1]|every value of a repeated field must be a string",
      "7|must be a string"})
  void rejectsHeaderValuesThatAreNotTextOrRepeatedText(String value, String problem) throws IOException {
    write("metadata/broken", VALID.replace("\"application/json\"}", "\"application/json\", \"x-a\": " + value + "}"));

    InvalidCaseException error = assertThrows(InvalidCaseException.class,
        () -> CaseCatalog.load(new GoldenFiles(goldensDir)));

    assertTrue(error.getMessage().contains(problem), error.getMessage());
  }

  @Test
  void aRepetitionGeneratesABodyOrAHeaderValueThatTheFileCouldNotHoldReadably() throws IOException {
    write("bad-input/generated", """
        {"description": "d", "clauses": ["LIMIT-BODY-1"],
         "request": {"method": "POST", "path": "/echo",
                     "headers": {"content-type": "application/json", "x-long": {"repeat": "ab", "times": 3}},
                     "bodyRepeat": {"prefix": "[", "repeat": "1,", "times": 4, "suffix": "1]"}}}
        """);

    CaseRequest request = CaseCatalog.load(new GoldenFiles(goldensDir)).cases().get(0).request();

    assertAll(
        () -> assertArrayEquals("[1,1,1,1,1]".getBytes(StandardCharsets.UTF_8), request.body()),
        () -> assertEquals(new Header("x-long", "ababab"), request.headers().get(1)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"times\": 3}|`request.bodyRepeat.repeat` must be a non-empty string",
      "{\"repeat\": \"\", \"times\": 3}|`request.bodyRepeat.repeat` must be a non-empty string",
      "{\"repeat\": \"a\"}|`request.bodyRepeat.times` is missing",
      "{\"repeat\": \"a\", \"times\": 0}|`request.bodyRepeat.times` must be at least 1, got 0",
      "{\"repeat\": \"ab\", \"times\": 40000000}|`request.bodyRepeat` makes 80000000 bytes, more than the 67108864",
      "{\"repeat\": \"a\", \"times\": 2, \"count\": 1}|not a valid case file"})
  void rejectsABodyRepetitionThatDoesNotSayWhatToSend(String repetition, String problem) throws IOException {
    write("bad-input/broken", VALID.replace("\"body\": \"{\\\"value\\\":\\\"x\\\"}\"", "\"bodyRepeat\": " + repetition));

    InvalidCaseException error = assertThrows(InvalidCaseException.class,
        () -> CaseCatalog.load(new GoldenFiles(goldensDir)));

    assertTrue(error.getMessage().contains(problem), error.getMessage());
  }

  @Test
  void rejectsAHeaderRepetitionWithAFieldItDoesNotKnow() throws IOException {
    write("bad-input/broken", VALID.replace("\"application/json\"}", "\"application/json\", \"x-a\": {\"repeat\": \"a\", \"time\": 2}}"));

    InvalidCaseException error = assertThrows(InvalidCaseException.class,
        () -> CaseCatalog.load(new GoldenFiles(goldensDir)));

    assertTrue(error.getMessage().contains("`request.headers.x-a` is not a repetition"), error.getMessage());
  }

  @Test
  void acceptsWhatOnlyARawSocketSendsInAnExchange() throws IOException {
    write("bad-input/raw", """
        {"description": "d", "clauses": ["ROUTE-1"],
         "request": {"method": "post", "path": "/echo", "body": "{}"}}
        """);

    CaseRequest request = CaseCatalog.load(new GoldenFiles(goldensDir)).cases().get(0).request();

    assertEquals("post", request.method(), "a lower-case method is kept as written");
    assertEquals(List.of(), request.headers(), "a body needs no content-type: none is sent");
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
