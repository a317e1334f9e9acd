package dev.flowconf.conformance.transcript;

import static com.fasterxml.jackson.core.JsonToken.END_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.END_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.FIELD_NAME;
import static com.fasterxml.jackson.core.JsonToken.START_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NULL;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;
import static com.fasterxml.jackson.core.JsonToken.VALUE_TRUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.transcript.VerbatimJson.Token;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerbatimJsonTests {

  @Test
  void keepsEachTokensSourceTextWhateverTheWhitespaceAroundIt() {
    VerbatimJson json = VerbatimJson.parse(
        " {\"\\u0061\" : -0.0E+1 ,\n\"s\":\"\\\"\\/\\n\\u00E9,:\", \"t\":[ true,null ] }\r\n").orElseThrow();

    assertEquals(List.of(new Token(START_OBJECT, "{"), new Token(FIELD_NAME, "\"\\u0061\""),
        new Token(VALUE_NUMBER_FLOAT, "-0.0E+1"), new Token(FIELD_NAME, "\"s\""),
        new Token(VALUE_STRING, "\"\\\"\\/\\n\\u00E9,:\""), new Token(FIELD_NAME, "\"t\""), new Token(START_ARRAY, "["),
        new Token(VALUE_TRUE, "true"), new Token(VALUE_NULL, "null"), new Token(END_ARRAY, "]"),
        new Token(END_OBJECT, "}")), json.tokens());
    assertFalse(json.compact());
  }

  @Test
  void aTopLevelNumberEndsBeforeTheWhitespaceAfterIt() {
    VerbatimJson json = VerbatimJson.parse("18446744073709551615 ").orElseThrow();

    assertEquals(List.of(new Token(VALUE_NUMBER_INT, "18446744073709551615")), json.tokens());
    assertFalse(json.compact());
  }

  @Test
  void isCompactOnlyWithoutAnyWhitespaceBetweenTokens() {
    assertTrue(VerbatimJson.parse("{\"a\":[1,{}],\"b\":\" \"}").orElseThrow().compact());
    for (String spaced : List.of(" 1", "1\n", "[1 ]", "[ 1]", "[1, 2]", "[1 ,2]", "{\"a\" :1}", "{\"a\": 1}", "{\t}")) {
      assertFalse(VerbatimJson.parse(spaced).orElseThrow().compact(), spaced);
    }
  }

  @Test
  void keepsDuplicateNamesAsSent() {
    assertEquals(List.of("{", "\"a\"", "1", "\"a\"", "2", "}"),
        VerbatimJson.parse("{\"a\":1,\"a\":2}").orElseThrow().tokens().stream().map(Token::text).toList());
  }

  @Test
  void readsOneHundredThousandLevelsOfNesting() {
    int depth = 100_000;

    VerbatimJson json = VerbatimJson.parse("[".repeat(depth) + "]".repeat(depth)).orElseThrow();

    assertEquals(2 * depth, json.tokens().size());
    assertEquals(new Token(END_ARRAY, "]"), json.tokens().get(depth));
  }

  @Test
  void keepsNumbersAndNamesLongerThanJacksonsDefaultLimits() {
    String digits = "1".repeat(2_000); // Jackson's default limit is 1 000
    String name = "\"" + "n".repeat(60_000) + "\""; // and 50 000

    assertEquals(digits, VerbatimJson.parse("[" + digits + "]").orElseThrow().tokens().get(1).text());
    assertEquals(name, VerbatimJson.parse("{" + name + ":0}").orElseThrow().tokens().get(1).text());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "/* c */ 1", "// c\n1", "# c\n1", "NaN", "Infinity", "-Infinity", "01", "-01", "00",
      "'a'", "{'a':1}", "\"tab\there\"", "\"nul\u0000\"", "{\"line\nfeed\":1}", "[1,]", "{\"a\":1,}", "[1,,2]", "[,1]",
      "{a:1}", "+1", ".5", "1.", "1e", "1e+", "0x1", "\"\\'\"", "\"\\x\"", "\"\\u00e\"", "\ufeff{}", "{} {}", "1 2",
      "\"a\"\"b\"", "[1]x", "{\"a\":1}}", "[", "{\"a\"}", "tru", "truex", "nul", "\u00a01"})
  void rejectsAnythingButOneStrictRfc8259Value(String text) {
    assertTrue(VerbatimJson.parse(text).isEmpty(), text);
  }
}
