package dev.flowconf.kernel.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the writer produces for any value, doubles of every kind included: compact text escaped exactly as serde
 * escapes (rules §4), which an independent parser (Jackson) reads as the same value, with object keys in
 * strictly ascending code-point order (JSON-KEYS-1) and doubles in text that reads back to the same bits.
 * Samples come from a printed seed; {@code -Dflowconf.seed=<seed>} replays them (see {@link JsonArbitraries}).
 */
@Tag("jvm-only") // Jackson runs on the JVM only; samples drawn at run time from a fresh seed
@ExtendWith(JsonArbitraries.ReplayHint.class)
class JsonWriterPropertyTests {
    private static final JsonFactory JACKSON = new JsonFactory();

    static Stream<Arguments> writtenTextIsCompactValidUtf8AndEscapesOnlyWhatSerdeEscapes() {
        return JsonArbitraries.samples(JsonWriterPropertyTests.class,
                "writtenTextIsCompactValidUtf8AndEscapesOnlyWhatSerdeEscapes", 1000, JsonArbitraries::value);
    }

    static Stream<Arguments> jacksonReadsTheSameValueWithKeysInCodePointOrder() {
        return JsonArbitraries.samples(JsonWriterPropertyTests.class,
                "jacksonReadsTheSameValueWithKeysInCodePointOrder", 1000, JsonArbitraries::value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void writtenTextIsCompactValidUtf8AndEscapesOnlyWhatSerdeEscapes(JsonValue value) {
        byte[] out = JsonWriter.toBytes(value);
        assertValidUtf8(out);
        boolean inString = false;
        for (int i = 0; i < out.length; i++) {
            int b = out[i] & 0xFF;
            if (!inString) {
                assertTrue(b != ' ' && b != '\t' && b != '\n' && b != '\r', () -> "whitespace at " + at(out));
                inString = b == '"';
            } else if (b == '"') {
                inString = false;
            } else if (b < 0x20) {
                fail("raw control byte in a string: " + at(out));
            } else if (b == '\\') {
                int c = out[++i] & 0xFF;
                if (c == 'u') {
                    String hex = new String(out, i + 1, 4, StandardCharsets.US_ASCII);
                    int unit = Integer.parseInt(hex, 16);
                    // \\u only for controls without a short form, in lowercase hex (\\u001f).
                    assertTrue(hex.equals(hex.toLowerCase()) && unit < 0x20 && "\b\t\n\f\r".indexOf(unit) < 0,
                            () -> "\\u" + hex + " in " + at(out));
                    i += 4;
                } else {
                    assertTrue("\"\\bfnrt".indexOf(c) >= 0, () -> "escape \\" + (char) c + " in " + at(out));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void jacksonReadsTheSameValueWithKeysInCodePointOrder(JsonValue value) throws IOException {
        byte[] out = JsonWriter.toBytes(value);
        try (com.fasterxml.jackson.core.JsonParser p = JACKSON.createParser(out)) {
            expect(p, p.nextToken(), value, out);
            assertNull(p.nextToken(), () -> "more than one value in " + at(out));
        }
    }

    private static void expect(com.fasterxml.jackson.core.JsonParser p, JsonToken token, JsonValue expected, byte[] out)
            throws IOException {
        switch (token) {
            case VALUE_NULL:
                assertTrue(expected.isNull(), () -> at(out));
                break;
            case VALUE_TRUE:
            case VALUE_FALSE:
                assertTrue(expected.isBoolean() && expected.asBoolean() == (token == JsonToken.VALUE_TRUE),
                        () -> at(out));
                break;
            case VALUE_STRING:
                assertEquals(expected.asString().value(), p.getText(), () -> at(out));
                break;
            case VALUE_NUMBER_INT: {
                JsonNumber n = expected.asNumber();
                String text = p.getText();
                assertTrue(n.isIntegral(), () -> "an f64 written as an integer: " + text);
                BigInteger exact = n.kind() == JsonNumber.Kind.U64
                        ? new BigInteger(Long.toUnsignedString(n.longBits())) : BigInteger.valueOf(n.longBits());
                assertEquals(exact, p.getBigIntegerValue(), () -> at(out));
                break;
            }
            case VALUE_NUMBER_FLOAT: {
                JsonNumber n = expected.asNumber();
                String text = p.getText();
                assertEquals(JsonNumber.Kind.F64, n.kind(), () -> "an integer written as " + text);
                // ryu's shortest text reads back to the same bits when rounded correctly, as Java does.
                assertEquals(Double.doubleToRawLongBits(n.doubleValue()),
                        Double.doubleToRawLongBits(Double.parseDouble(text)), () -> text + " for " + n.doubleValue());
                break;
            }
            case START_ARRAY: {
                List<JsonValue> items = expected.asArray().items();
                int i = 0;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    assertTrue(i < items.size(), () -> "too many items in " + at(out));
                    expect(p, t, items.get(i++), out);
                }
                assertEquals(items.size(), i, () -> at(out));
                break;
            }
            case START_OBJECT: {
                JsonObject object = expected.asObject();
                List<String> names = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    if (!names.isEmpty()) {
                        String previous = names.get(names.size() - 1);
                        assertTrue(compareCodePoints(previous, name) < 0,
                                () -> "key " + name + " after " + previous + " in " + at(out));
                    }
                    names.add(name);
                    assertTrue(object.has(name), () -> "unexpected key " + name + " in " + at(out));
                    expect(p, p.nextToken(), object.get(name), out);
                }
                assertEquals(new HashSet<>(object.keys()), new HashSet<>(names), () -> at(out));
                assertEquals(object.size(), names.size(), () -> at(out));
                break;
            }
            default:
                fail("unexpected " + token + " in " + at(out));
        }
    }

    /** By code point, as Rust compares strings: independent of the kernel's CodePointOrder. */
    private static int compareCodePoints(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static void assertValidUtf8(byte[] out) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out));
        } catch (CharacterCodingException e) {
            fail("not UTF-8: " + at(out));
        }
    }

    private static String at(byte[] out) {
        return TestBytes.show(out);
    }
}
