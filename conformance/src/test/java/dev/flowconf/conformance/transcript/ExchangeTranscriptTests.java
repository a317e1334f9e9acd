package dev.flowconf.conformance.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.golden.CaseKind;
import dev.flowconf.conformance.golden.CaseRequest;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.Header;
import dev.flowconf.conformance.replay.ObservedResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExchangeTranscriptTests {

  private static final GoldenCase ECHO = new GoldenCase("echo/s1-happy-path", "S1 echo trims and lower-cases `value`",
      List.of("ECHO-1", "RESP-VALUE-1"), new CaseKind.Exchange(false),
      new CaseRequest("POST", "/echo", List.of(new Header("Content-Type", "application/json")),
          bytes("{\"value\":\"  HeLLo  \"}")));

  @Test
  void rendersTheWholeExchangeWithOnlyComparedHeaders() {
    ObservedResponse response = new ObservedResponse(200,
        List.of(new Header("Date", "Wed, 26 Nov 2026 16:48:00 GMT"), new Header("Content-Type", "application/json"),
            new Header("server", "Jetty(12)")),
        bytes("{\"value\":\"hello\"}"));

    assertEquals("""
        # echo/s1-happy-path — S1 echo trims and lower-cases `value`
        # clauses: ECHO-1 RESP-VALUE-1

        >>> POST /echo
        content-type: application/json

        {"value":"  HeLLo  "}

        <<< 200
        content-type: application/json

        body: JSON, compact, 17 bytes
        {
          "value": "hello"
        }
        """, ExchangeTranscript.render(ECHO, response));
  }

  @Test
  void copiesNumbersAndStringsVerbatim() {
    String body = "{\"big\":18446744073709551615,\"pad\":1.10,\"exp\":1E2,\"neg\":-0,"
        + "\"esc\":\"\\u00e9\\\"\\/\\n\",\"raw\":\"é\"}";

    assertEquals("""
        {
          "big": 18446744073709551615,
          "pad": 1.10,
          "exp": 1E2,
          "neg": -0,
          "esc": "\\u00e9\\"\\/\\n",
          "raw": "é"
        }
        """, bodyOf(body).substring(bodyOf(body).indexOf('\n') + 1));
  }

  @Test
  void copiesNamesVerbatimAndKeepsDuplicates() {
    assertEquals("""
        body: JSON, compact, 27 bytes
        {
          "\\u0061": 1,
          "a\\"b": 2,
          "a": 3
        }
        """, bodyOf("{\"\\u0061\":1,\"a\\\"b\":2,\"a\":3}"));
  }

  @Test
  void laysOutNestingDeeperThanJacksonsDefaultLimit() {
    int depth = 1_500; // Jackson's parser and generator stop at 1 000 by default
    StringBuilder expected = new StringBuilder();
    for (int level = 0; level < depth; level++) {
      expected.append("  ".repeat(level)).append("[\n");
    }
    expected.append("  ".repeat(depth)).append('1');
    for (int level = depth - 1; level >= 0; level--) {
      expected.append('\n').append("  ".repeat(level)).append(']');
    }

    assertEquals("body: JSON, compact, 3001 bytes\n" + expected + "\n",
        bodyOf("[".repeat(depth) + "1" + "]".repeat(depth)));
  }

  @Test
  void keepsTheHostsKeyOrder() {
    assertEquals("""
        body: JSON, compact, 13 bytes
        {
          "b": 1,
          "a": 2
        }
        """, bodyOf("{\"b\":1,\"a\":2}"));
  }

  @Test
  void saysWhetherJsonWasCompact() {
    assertEquals("""
        body: JSON, not compact, 10 bytes
        {
          "a": 1
        }
        """, bodyOf("{\"a\": 1}\r\n"));
    assertTrue(bodyOf("[1,{}]").startsWith("body: JSON, compact, 6 bytes\n"));
  }

  @Test
  void printsEmptyContainersOnOneLineAndNestsTheRest() {
    assertEquals("""
        body: JSON, compact, 33 bytes
        {
          "a": [],
          "b": {},
          "c": [
            [
              null
            ],
            true
          ]
        }
        """, bodyOf("{\"a\":[],\"b\":{},\"c\":[[null],true]}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\":1,}", "01", "[1 2]", "{\"a\" 1}", "\"\\x\"", "\"\\u00e\"", "\"tab\there\"",
      "tru", "1.", "-", "{} {}", "route not found"})
  void showsAnythingButOneStrictJsonValueAsText(String body) {
    assertTrue(bodyOf(body).startsWith("body: text, "), body);
  }

  @Test
  void showsBytesThatAreNotUtf8AsHexEscapes() {
    ObservedResponse response = new ObservedResponse(200, List.of(),
        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xC3, '"', '}'});

    assertEquals("""
        body: text, 10 bytes
        {"a":"\\xFF\\xC3"}
        """, responseBody(response));
  }

  @Test
  void showsInvisibleCharactersAsCodePointsAndKeepsJsonEscapesApart() {
    assertEquals("""
        body: JSON, compact, 21 bytes
        [
          "a\\u{00A0}b\\u{0307}",
          "a\\u00a0b"
        ]
        """, bodyOf("[\"a\u00a0b\u0307\",\"a\\u00a0b\"]"));
  }

  @Test
  void showsATextBodyLineByLineWithCarriageReturnsVisible() {
    assertEquals("""
        body: text, 16 bytes
        route\\u{000D}
        not found
        """, bodyOf("route\r\nnot found"));
  }

  @Test
  void saysWhenTheBodyIsEmpty() {
    assertEquals("body: empty\n", bodyOf(""));
  }

  @Test
  void showsARequestWithoutBodyAndRequestBytesThatAreNotUtf8() {
    GoldenCase noBody = new GoldenCase("echo/x", "d", List.of("C-1"), new CaseKind.Exchange(false), new CaseRequest("POST", "/echo", List.of(), new byte[0]));
    GoldenCase binary = new GoldenCase("echo/y", "d", List.of("C-1"), new CaseKind.Exchange(false), new CaseRequest("POST", "/echo",
        List.of(new Header("content-type", "application/octet-stream")), new byte[] {'a', (byte) 0x80}));
    ObservedResponse empty = new ObservedResponse(204, List.of(), new byte[0]);

    assertTrue(ExchangeTranscript.render(noBody, empty).contains(">>> POST /echo\n\n(no body)\n\n<<< 204\n"));
    assertTrue(ExchangeTranscript.render(binary, empty).contains("\n\na\\x80\n\n<<< 204\n"));
  }

  @Test
  void showsALongRequestBodyBySizeHashAndQuotedEdges() {
    byte[] body = ("{\"value\":\"" + "a".repeat(2000) + "\"}  ").getBytes(StandardCharsets.UTF_8);
    GoldenCase big = new GoldenCase("bad-input/x", "d", List.of("C-1"), new CaseKind.Exchange(false),
        new CaseRequest("POST", "/echo", List.of(new Header("content-type", "application/json")), body));

    String transcript = ExchangeTranscript.render(big, new ObservedResponse(413, List.of(), new byte[0]));

    assertTrue(transcript.contains("\n\n(2014 bytes, SHA-256 " + sha256(body) + ") begins \"{\"value\":\""
        + "a".repeat(30) + "\" ends \"" + "a".repeat(36) + "\"}  \"\n\n<<< 413\n"), transcript);
  }

  @Test
  void showsABodyOfExactlyTheLimitWholeAndCutUtf8AtAnEdgeAsBytes() {
    byte[] whole = "x".repeat(1024).getBytes(StandardCharsets.UTF_8);
    byte[] cut = ("€" + "x".repeat(1100)).getBytes(StandardCharsets.UTF_8);

    assertTrue(requestPart(whole).contains("\n\n" + "x".repeat(1024) + "\n\n"));
    assertTrue(requestPart(cut).contains("begins \"€" + "x".repeat(37) + "\""), requestPart(cut));
    byte[] euroCutInTwo = new byte[1100];
    java.util.Arrays.fill(euroCutInTwo, (byte) 'x');
    euroCutInTwo[0] = (byte) 0x82; // the last two bytes of €, as a cut would leave them
    euroCutInTwo[1] = (byte) 0xAC;
    assertTrue(requestPart(euroCutInTwo).contains("begins \"\\x82\\xAC" + "x".repeat(38) + "\""));
  }

  @Test
  void showsALongHeaderValueOnOneLineAndAnEmptyOneWithoutTrailingSpace() {
    String deep = "[".repeat(300) + "\n";
    GoldenCase headers = new GoldenCase("bad-input/h", "d", List.of("C-1"), new CaseKind.Exchange(false),
        new CaseRequest("GET", "/meta", List.of(new Header("x-empty", ""), new Header("x-deep", deep)), new byte[0]));

    String transcript = ExchangeTranscript.render(headers, new ObservedResponse(200, List.of(), new byte[0]));

    assertTrue(transcript.contains("\nx-empty:\nx-deep: (301 bytes, SHA-256 "
        + sha256(deep.getBytes(StandardCharsets.UTF_8)) + ") begins \"" + "[".repeat(40) + "\" ends \""
        + "[".repeat(39) + "\\u{000A}\"\n\n(no body)\n"), transcript);
  }

  @Test
  void showsAHugeResponseBodyBySizeAndHashWhateverItHolds() {
    byte[] body = ("{\"value\":\"" + "a".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);

    assertEquals("body: (70012 bytes, SHA-256 " + sha256(body) + ") begins \"{\"value\":\"" + "a".repeat(30)
        + "\" ends \"" + "a".repeat(38) + "\"}\"\n", responseBody(new ObservedResponse(200, List.of(), body)));
  }

  private static String requestPart(byte[] body) {
    GoldenCase golden = new GoldenCase("bad-input/r", "d", List.of("C-1"), new CaseKind.Exchange(false),
        new CaseRequest("POST", "/echo", List.of(new Header("content-type", "text/plain")), body));
    String transcript = ExchangeTranscript.render(golden, new ObservedResponse(204, List.of(), new byte[0]));
    return transcript.substring(0, transcript.indexOf("<<< "));
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private String bodyOf(String body) {
    return responseBody(new ObservedResponse(200, List.of(), bytes(body)));
  }

  private String responseBody(ObservedResponse response) {
    String transcript = ExchangeTranscript.render(ECHO, response);
    return transcript.substring(transcript.indexOf("<<< 200\n\n") + "<<< 200\n\n".length());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
