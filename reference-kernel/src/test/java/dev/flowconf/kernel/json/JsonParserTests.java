package dev.flowconf.kernel.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Parse errors and positions from upstream-json-rules.md §1.4, §3, §4 and §5. */
class JsonParserTests {

    private static String errorOf(byte[] input) {
        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse(input));
        assertEquals(e.reason() + " at line " + e.line() + " column " + e.column(), e.getMessage());
        return e.getMessage();
    }

    private static String parsedText(String notation) throws JsonParseException {
        return JsonWriter.toJson(JsonParser.parse(TestBytes.of(notation)));
    }

    @ParameterizedTest(name = "[{index}] {0}  ->  {1}")
    @CsvSource(delimiter = '|', textBlock = """
            01                     | invalid number at line 1 column 2
            00                     | invalid number at line 1 column 2
            -01                    | invalid number at line 1 column 3
            -a                     | invalid number at line 1 column 2
            -                      | EOF while parsing a value at line 1 column 1
            [-]                    | invalid number at line 1 column 3
            [- 1]                  | invalid number at line 1 column 3
            -Infinity              | invalid number at line 1 column 2
            0.                     | EOF while parsing a value at line 1 column 2
            1.                     | EOF while parsing a value at line 1 column 2
            [1.]                   | invalid number at line 1 column 4
            1.e5                   | invalid number at line 1 column 3
            1e                     | EOF while parsing a value at line 1 column 2
            1e+                    | EOF while parsing a value at line 1 column 3
            {"a":1.5e}             | invalid number at line 1 column 10
            {"a":1.5e+}            | invalid number at line 1 column 11
            .5                     | expected value at line 1 column 1
            +1                     | expected value at line 1 column 1
            NaN                    | expected value at line 1 column 1
            Infinity               | expected value at line 1 column 1
            nan                    | expected ident at line 1 column 2
            1e400                  | number out of range at line 1 column 5
            -1e400                 | number out of range at line 1 column 6
            [1e400]                | number out of range at line 1 column 6
            1e309                  | number out of range at line 1 column 5
            1.7976931348623158e308 | number out of range at line 1 column 22
            1e2147483647           | number out of range at line 1 column 12
            1e2147483648           | number out of range at line 1 column 12
            1e21474836480          | number out of range at line 1 column 12
            0x10                   | trailing characters at line 1 column 2
            1_000                  | trailing characters at line 1 column 2
            123abc                 | trailing characters at line 1 column 4
            12.5.5                 | trailing characters at line 1 column 5
            1e5e5                  | trailing characters at line 1 column 4
            [0x10]                 | expected `,` or `]` at line 1 column 3
            """)
    void numberErrors(String input, String message) {
        assertEquals(message, errorOf(TestBytes.of(input)));
    }

    @ParameterizedTest(name = "[{index}] {0}  ->  {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1e-400          | 0.0
            2e-324          | 0.0
            0e99999999999   | 0.0
            1e-99999999999  | 0.0
            -1e-2147483648  | -0.0
            -1e-99999999999 | -0.0
            1.0e+308        | 1e308
            -0              | -0.0
            -0e5            | -0.0
            """)
    void acceptedEdgeNumbers(String input, String output) throws JsonParseException {
        JsonValue value = JsonParser.parse(input);
        assertEquals(JsonNumber.Kind.F64, value.asNumber().kind());
        assertEquals(output, JsonWriter.toJson(value));
    }

    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                Arguments.of("{\"value\":", "EOF while parsing a value at line 1 column 9"),
                Arguments.of("", "EOF while parsing a value at line 1 column 0"),
                Arguments.of(" ", "EOF while parsing a value at line 1 column 1"),
                Arguments.of("<0A>", "EOF while parsing a value at line 2 column 0"),
                Arguments.of("{\"a\":1,}", "trailing comma at line 1 column 8"),
                Arguments.of("[1,2,]", "trailing comma at line 1 column 6"),
                Arguments.of("[1,2", "EOF while parsing a list at line 1 column 4"),
                Arguments.of("[1,", "EOF while parsing a value at line 1 column 3"),
                Arguments.of("[1 2]", "expected `,` or `]` at line 1 column 4"),
                Arguments.of("[,]", "expected value at line 1 column 2"),
                Arguments.of("[1,,2]", "expected value at line 1 column 4"),
                Arguments.of("{\"a\" 1}", "expected `:` at line 1 column 6"),
                Arguments.of("{\"a\":1 \"b\":2}", "expected `,` or `}` at line 1 column 8"),
                Arguments.of("{1:2}", "key must be a string at line 1 column 2"),
                Arguments.of("{,}", "key must be a string at line 1 column 2"),
                Arguments.of("{", "EOF while parsing an object at line 1 column 1"),
                Arguments.of("[", "EOF while parsing a list at line 1 column 1"),
                Arguments.of("{\"a\"", "EOF while parsing an object at line 1 column 4"),
                Arguments.of("{\"a\":", "EOF while parsing a value at line 1 column 5"),
                Arguments.of("{\"a\":1", "EOF while parsing an object at line 1 column 6"),
                Arguments.of("{\"a\":1,", "EOF while parsing a value at line 1 column 7"),
                Arguments.of("nul", "EOF while parsing a value at line 1 column 3"),
                Arguments.of("nulx", "expected ident at line 1 column 4"),
                Arguments.of("True", "expected value at line 1 column 1"),
                Arguments.of("\"<01>\"", "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 2"),
                Arguments.of("\"tab<09>\"", "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 5"),
                Arguments.of("\"ab<0A>cd\"", "control character (\\u0000-\\u001F) found while parsing a string at line 2 column 0"),
                Arguments.of("\"abc", "EOF while parsing a string at line 1 column 4"),
                Arguments.of("{\"a\":1}x", "trailing characters at line 1 column 8"),
                Arguments.of("{\"a\":1} x", "trailing characters at line 1 column 9"),
                Arguments.of("[1]]", "trailing characters at line 1 column 4"),
                Arguments.of("{\"a\":1}<00>", "trailing characters at line 1 column 8"),
                Arguments.of("<EF><BB><BF>{}", "expected value at line 1 column 1"),
                Arguments.of("<0C>1", "expected value at line 1 column 1"),
                Arguments.of("<0A><0A>  [1,<0A>  2,,]", "expected value at line 4 column 5"),
                Arguments.of("[<0D><0A>1<0D><0A>,]", "trailing comma at line 3 column 2"),
                Arguments.of("\"é<01>\"", "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 4"));
    }

    @ParameterizedTest(name = "[{index}] {0}  ->  {1}")
    @MethodSource
    void syntaxErrors(String input, String message) {
        assertEquals(message, errorOf(TestBytes.of(input)));
    }

    static Stream<Arguments> recursionLimit() {
        return Stream.of(
                Arguments.of("128 x [", "[".repeat(128), "recursion limit exceeded at line 1 column 128"),
                Arguments.of("129 x [", "[".repeat(129), "recursion limit exceeded at line 1 column 128"),
                Arguments.of("200 x [", "[".repeat(200), "recursion limit exceeded at line 1 column 128"),
                Arguments.of("two spaces + 128 x [", "  " + "[".repeat(128), "recursion limit exceeded at line 1 column 130"),
                Arguments.of("128 x {\"a\":", "{\"a\":".repeat(128), "recursion limit exceeded at line 1 column 636"),
                Arguments.of("64 x [{\"a\":", "[{\"a\":".repeat(64), "recursion limit exceeded at line 1 column 380"),
                Arguments.of("10 000 x [", "[".repeat(10_000), "recursion limit exceeded at line 1 column 128"),
                Arguments.of("10 000 x {\"a\":", "{\"a\":".repeat(10_000), "recursion limit exceeded at line 1 column 636"));
    }

    @ParameterizedTest(name = "[{index}] {0}  ->  {2}")
    @MethodSource
    void recursionLimit(String name, String input, String message) {
        assertEquals(message, errorOf(TestBytes.of(input)));
    }

    @Test
    void acceptsOneHundredTwentySevenNestedContainers() throws JsonParseException {
        assertEquals(127, depth(JsonParser.parse("[".repeat(127) + "]".repeat(127))));
        String mixed = "[{\"a\":".repeat(63) + "[]" + "}]".repeat(63);
        assertEquals(127, depth(JsonParser.parse(mixed)));
        String mixedOdd = "{\"a\":[".repeat(63) + "{}" + "]}".repeat(63);
        assertEquals(127, depth(JsonParser.parse(mixedOdd)));
    }

    @Test
    void onlyTheCurrentDepthCounts() throws JsonParseException {
        String deep = "[".repeat(126) + "]".repeat(126);
        JsonValue value = JsonParser.parse("[" + deep + "," + deep + "," + deep + "]");
        assertEquals(3, value.asArray().size());
    }

    private static int depth(JsonValue value) {
        if (value.isArray()) {
            return 1 + (value.asArray().size() == 0 ? 0 : depth(value.asArray().get(0)));
        }
        if (value.isObject()) {
            return 1 + (value.asObject().size() == 0 ? 0 : depth(value.asObject().get("a")));
        }
        return 0;
    }

    static Stream<Arguments> stringErrors() {
        return Stream.of(
                Arguments.of("\"<FF><01>\"", "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 3"),
                Arguments.of("\"<FF>\"", "invalid unicode code point at line 1 column 3"),
                Arguments.of("\"a<C3>\"", "invalid unicode code point at line 1 column 4"),
                Arguments.of("{\"a\":\"<C3>\"}", "invalid unicode code point at line 1 column 8"),
                Arguments.of("{\"<FF>\":1}", "invalid unicode code point at line 1 column 4"),
                Arguments.of("\"<80>\"", "invalid unicode code point at line 1 column 3"),
                Arguments.of("\"<C0><AF>\"", "invalid unicode code point at line 1 column 4"),
                Arguments.of("\"<E0><80><AF>\"", "invalid unicode code point at line 1 column 5"),
                Arguments.of("\"<ED><A0><80>\"", "invalid unicode code point at line 1 column 5"),
                Arguments.of("\"<F4><90><80><80>\"", "invalid unicode code point at line 1 column 6"),
                Arguments.of("\"<F0><9F><98>\"", "invalid unicode code point at line 1 column 5"),
                Arguments.of("\"<C3>\\n\"", "invalid unicode code point at line 1 column 5"),
                Arguments.of("<FF>", "expected value at line 1 column 1"),
                Arguments.of("1<FF>", "trailing characters at line 1 column 2"),
                Arguments.of("\"\\q\"", "invalid escape at line 1 column 3"),
                Arguments.of("\"\\", "EOF while parsing a string at line 1 column 2"),
                Arguments.of("\"\\u00\"", "EOF while parsing a string at line 1 column 6"),
                Arguments.of("\"\\u12G4\"", "invalid escape at line 1 column 7"),
                Arguments.of("[\"\\u00\"]", "invalid escape at line 1 column 8"),
                Arguments.of("\"\\udc00\"", "lone leading surrogate in hex escape at line 1 column 7"),
                Arguments.of("\"\\ud800\"", "unexpected end of hex escape at line 1 column 8"),
                Arguments.of("\"\\ud800x\"", "unexpected end of hex escape at line 1 column 8"),
                Arguments.of("\"\\ud800\\n\"", "unexpected end of hex escape at line 1 column 9"),
                Arguments.of("\"\\ud800\\u0041\"", "lone leading surrogate in hex escape at line 1 column 13"),
                Arguments.of("\"\\ud800\\ud800\"", "lone leading surrogate in hex escape at line 1 column 13"),
                Arguments.of("\"\\ud800", "EOF while parsing a string at line 1 column 7"),
                Arguments.of("\"\\ud800\\", "EOF while parsing a string at line 1 column 8"));
    }

    @ParameterizedTest(name = "[{index}] {0}  ->  {1}")
    @MethodSource
    void stringErrors(String input, String message) {
        assertEquals(message, errorOf(TestBytes.of(input)));
    }

    static Stream<Arguments> stringEscapes() {
        return Stream.of(
                Arguments.of("\"\\ud83d\\ude00\"", "\uD83D\uDE00"),
                Arguments.of("\"\\uDBFF\\uDFFF\"", "\uDBFF\uDFFF"),
                Arguments.of("\"\\u0000\"", "\u0000"),
                Arguments.of("\"\\u00e9\\u00C9\"", "éÉ"),
                Arguments.of("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\b\f\n\r\t"),
                Arguments.of("\"a\\/b\"", "a/b"),
                Arguments.of("\"é😀<7F>\"", "é\uD83D\uDE00\u007F"),
                Arguments.of("\"é\\u00a9\"", "é©"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void stringEscapes(String input, String decoded) throws JsonParseException {
        assertEquals(decoded, JsonParser.parse(TestBytes.of(input)).asString().value());
    }

    @Test
    void invalidUtf8NextToAnEscapeIsStillInvalid() {
        assertEquals("invalid unicode code point at line 1 column 9",
                errorOf(TestBytes.of("\"<C3>\\u00a9\"")));
    }

    @ParameterizedTest(name = "[{index}] {0}  ->  {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"a":1,"\\u0061":2}                                    | {"a":2}
            {"b":1,"a":2,"b":3}                                    | {"a":2,"b":3}
            {"b":1,"a":2,"B":3,"é":4,"10":5,"9":6,"_":7,"Z":8,"~":9} | {"10":5,"9":6,"B":3,"Z":8,"_":7,"a":2,"b":1,"~":9,"é":4}
            {"😀":1,"Ａ":2,"é":3,"e":4,"E":5,"":6," ":7}              | {"":6," ":7,"E":5,"e":4,"é":3,"Ａ":2,"😀":1}
            [1, {"a": [true, false, null]}]                          | [1,{"a":[true,false,null]}]
            """)
    void objectsAreSortedAndLastDuplicateWins(String input, String output) throws JsonParseException {
        assertEquals(output, parsedText(input));
    }

    @Test
    void whitespaceIsOnlySpaceTabLfCr() throws JsonParseException {
        assertEquals("[1,2]", parsedText(" <09><0A><0D>[ 1 ,<09>2<0D><0A>] <0A>"));
        assertEquals("trailing characters at line 1 column 2", errorOf(TestBytes.of("1<0B>")));
    }

    @Test
    void literals() throws JsonParseException {
        assertTrue(JsonParser.parse("null").isNull());
        assertEquals(JsonBool.TRUE, JsonParser.parse("true"));
        assertEquals(JsonBool.FALSE, JsonParser.parse(" false "));
        assertEquals("expected ident at line 1 column 3", errorOf(TestBytes.of("trxe")));
        assertEquals("EOF while parsing a value at line 1 column 4", errorOf(TestBytes.of("fals")));
    }

    @Test
    void exceptionSplitsReasonAndPosition() {
        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse("[1,\n2,]"));
        assertEquals("trailing comma", e.reason());
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertEquals("trailing comma at line 2 column 3", e.getMessage());
    }

    @Test
    void parseStringEncodesUtf8First() throws JsonParseException {
        assertEquals("é😀", JsonParser.parse("\"é😀\"").asString().value());
        assertEquals("\uFFFD", JsonParser.parse("\"\uD800\"").asString().value());
        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse("\"é\u0001\""));
        assertEquals(4, e.column());
    }
}
