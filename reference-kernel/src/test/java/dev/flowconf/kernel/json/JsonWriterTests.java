package dev.flowconf.kernel.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Output bytes from upstream-json-rules.md §2.1, §4 and §5. */
class JsonWriterTests {

    private static String written(JsonValue value) {
        return TestBytes.show(JsonWriter.toBytes(value));
    }

    @Test
    void escapesOnlyQuoteBackslashAndControlCharacters() throws JsonParseException {
        JsonValue value = JsonParser.parse(
                "\"\\u0000\\u0001\\u0008\\u0009\\u000a\\u000c\\u000d\\u001f\\u007f\\u0080\\u2028\\u2029/\\\\\\\"\"");
        byte[] expected = TestBytes.of(
                "\"\\u0000\\u0001\\b\\t\\n\\f\\r\\u001f<7F><C2><80><E2><80><A8><E2><80><A9>/\\\\\\\"\"");
        assertEquals(TestBytes.show(expected), written(value));
        assertEquals("\"a/b\"", JsonWriter.toJson(JsonParser.parse("\"a\\/b\"")));
    }

    static Stream<Arguments> stringEscapes() {
        return Stream.of(
                Arguments.of("\u000b", "\"\\u000b\""),
                Arguments.of("\u001b", "\"\\u001b\""),
                Arguments.of("\u001f", "\"\\u001f\""),
                Arguments.of("a/b", "\"a/b\""),
                Arguments.of("\u00e9\uFEFF", "\"<C3><A9><EF><BB><BF>\""),
                Arguments.of("\uD83D\uDE00", "\"<F0><9F><98><80>\""),
                Arguments.of("lone \uD800 high", "\"lone <EF><BF><BD> high\""),
                Arguments.of("lone \uDC00 low", "\"lone <EF><BF><BD> low\""),
                Arguments.of("pair split \uDE00\uD83D", "\"pair split <EF><BF><BD><EF><BF><BD>\""),
                Arguments.of("high at end \uD83D", "\"high at end <EF><BF><BD>\""));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource
    void stringEscapes(String text, String output) {
        assertEquals(output, written(JsonString.of(text)));
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacterInTextToo() {
        assertEquals("\"a\uFFFDb\"", JsonWriter.toJson(JsonString.of("a\uDFFFb")));
    }

    @Test
    void keysAreEscapedLikeValues() {
        JsonObject object = JsonObject.builder().put("a\"b\n", JsonString.of("\u0001")).build();
        assertEquals("{\"a\\\"b\\n\":\"\\u0001\"}", JsonWriter.toJson(object));
    }

    @Test
    void compactOutput() {
        JsonValue value = JsonArray.of(List.of(
                JsonNumber.ofU64(1),
                JsonObject.builder().put("a", JsonArray.of(List.of(JsonBool.TRUE, JsonBool.FALSE, JsonNull.INSTANCE))).build(),
                JsonArray.of(List.of()),
                JsonObject.empty()));
        assertEquals("[1,{\"a\":[true,false,null]},[],{}]", JsonWriter.toJson(value));
        assertEquals(JsonWriter.toJson(value), value.toString());
    }

    static Stream<Arguments> integers() {
        return Stream.of(
                Arguments.of(JsonNumber.ofU64(0), "0"),
                Arguments.of(JsonNumber.ofU64(100), "100"),
                Arguments.of(JsonNumber.ofI64(-100), "-100"),
                Arguments.of(JsonNumber.ofU64(-1L), "18446744073709551615"),
                // Either side of the int range, which the writer formats without 64-bit arithmetic
                Arguments.of(JsonNumber.ofI64(Integer.MAX_VALUE), "2147483647"),
                Arguments.of(JsonNumber.ofI64(Integer.MAX_VALUE + 1L), "2147483648"),
                Arguments.of(JsonNumber.ofI64(Integer.MIN_VALUE), "-2147483648"),
                Arguments.of(JsonNumber.ofI64(Integer.MIN_VALUE - 1L), "-2147483649"),
                Arguments.of(JsonNumber.ofU64(-2147483648L), "18446744071562067968"), // u64 bits in the int range
                Arguments.of(JsonNumber.ofU64(0xFFFFFFFFL), "4294967295"),
                Arguments.of(JsonNumber.ofU64(Long.MIN_VALUE), "9223372036854775808"),
                Arguments.of(JsonNumber.ofI64(Long.MIN_VALUE), "-9223372036854775808"),
                Arguments.of(JsonNumber.ofI64(Long.MAX_VALUE), "9223372036854775807"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource
    void integers(JsonNumber number, String output) {
        assertEquals(output, JsonWriter.toJson(number));
    }

    static Stream<Arguments> keyOrder() {
        return Stream.of(
                Arguments.of(List.of("b", "a", "B", "é", "10", "9", "_", "Z", "~"),
                        "{\"10\":4,\"9\":5,\"B\":2,\"Z\":7,\"_\":6,\"a\":1,\"b\":0,\"~\":8,\"é\":3}"),
                Arguments.of(List.of("\uD83D\uDE00", "\uFF21", "é", "e", "E", "", " "),
                        "{\"\":5,\" \":6,\"E\":4,\"e\":3,\"é\":2,\"\uFF21\":1,\"\uD83D\uDE00\":0}"),
                Arguments.of(List.of("ab", "a", "abc", "\uE000", "\uD800\uDC00", "\uFFFF"),
                        "{\"a\":1,\"ab\":0,\"abc\":2,\"\uE000\":3,\"\uFFFF\":5,\"\uD800\uDC00\":4}"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource
    void keyOrder(List<String> keysInInsertionOrder, String output) {
        JsonObject.Builder builder = JsonObject.builder();
        for (int i = 0; i < keysInInsertionOrder.size(); i++) {
            builder.put(keysInInsertionOrder.get(i), JsonNumber.ofU64(i));
        }
        assertEquals(output, JsonWriter.toJson(builder.build()));
    }

    @Test
    void bytesAreTheUtf8OfTheText() {
        JsonValue value = JsonObject.builder().put("é😀", JsonString.of("\u2028")).build();
        assertArrayEquals(JsonWriter.toJson(value).getBytes(StandardCharsets.UTF_8), JsonWriter.toBytes(value));
    }
}
