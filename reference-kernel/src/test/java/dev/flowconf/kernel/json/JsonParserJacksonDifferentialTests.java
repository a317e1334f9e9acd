package dev.flowconf.kernel.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The kernel and Jackson (default features: strict RFC 8259) accept and reject the same valid-UTF-8 inputs,
 * and read the same value from what both accept. (Invalid UTF-8 is left out: Jackson reads text, serde bytes.)
 *
 * <p>Where serde_json and Jackson are known to disagree the input is left out, by serde's error, before any
 * comparison (see {@link #KNOWN_DISAGREEMENTS}); the property is not loosened anywhere else.
 * A failure prints its seed; {@code @Property(seed = "...")} replays it (see junit-platform.properties).
 */
@Tag("jvm-only") // jqwik and Jackson run on the JVM only
class JsonParserJacksonDifferentialTests {
    private static final JsonFactory JACKSON = new JsonFactory();

    /**
     * serde errors for input Jackson (by design) accepts:
     * <ul>
     * <li>`number out of range`: serde refuses a number whose double would be infinite (1e400); Jackson reads any
     * number token and only fails when asked for a double.</li>
     * <li>`recursion limit exceeded`: serde stops at 128 nested containers; Jackson's limit is its
     * StreamReadConstraints' maximum nesting depth (hundreds).</li>
     * <li>`lone leading surrogate in hex escape`, `unexpected end of hex escape`: serde requires a \\uD800-\\uDBFF
     * escape to be followed by a \\uDC00-\\uDFFF escape and refuses a lone \\uDC00-\\uDFFF one; Jackson decodes
     * each escape to a UTF-16 unit and keeps lone surrogates.</li>
     * </ul>
     */
    static final Set<String> KNOWN_DISAGREEMENTS = Set.of("number out of range", "recursion limit exceeded",
            "lone leading surrogate in hex escape", "unexpected end of hex escape");

    private static final String[] TOKENS = {
        "{", "}", "[", "]", ",", ":", " ", "\n", "\t", "\r", "\f", "\u00a0", "\"a\"", "\"\"", "\"é\"",
        "\"\ud83d\ude00\"",
        "\"\\u00e9\"", "\"\\ud83d\\ude00\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\q\"", "\"\\/\"", "\"\u0001\"",
        "\"\u007f\"", "\"\\u12g4\"", "'a'", "\"", "\\", "0", "1", "-0", "01", "-", "1.", ".5", "1.5e3", "1E+2", "1e400",
        "-1e-400", "18446744073709551616", "+1", "0x10", "1_0", "true", "false", "null", "nul", "True", "NaN",
        "Infinity", "/* */", "//", "#", "\ufeff", "\u0000",
    };

    @Property(tries = 1500)
    @StatisticsReport(onFailureOnly = true)
    void kernelAndJacksonAcceptTheSameInputsAndReadTheSameValues(@ForAll("validUtf8Inputs") byte[] input)
            throws IOException {
        // Not vacuous: both answers must be common (checked over all tries, at the end).
        Statistics.label("outcome").coverage(c -> {
            c.check("both accept").percentage(p -> p >= 10);
            c.check("both reject").percentage(p -> p >= 10);
        });
        CheckedParse.Outcome kernel = CheckedParse.parse(input);
        if (!kernel.accepted() && KNOWN_DISAGREEMENTS.contains(kernel.error.reason())) {
            Statistics.label("outcome").collect("known disagreement: " + kernel.error.reason());
            return;
        }
        JsonValue jackson = jackson(new String(input, StandardCharsets.UTF_8));
        Statistics.label("outcome").collect(kernel.accepted() ? "both accept" : "both reject");
        String shown = CheckedParse.show(input);
        assertEquals(kernel.accepted(), jackson != null, () -> (kernel.accepted() ? "only the kernel accepts "
                : "only Jackson accepts (kernel: " + kernel.error.getMessage() + ") ") + shown);
        if (kernel.accepted()) {
            // Bytes too, not just equals: equals treats 0.0 and -0.0 alike, as serde's PartialEq does.
            assertArrayEquals(JsonWriter.toBytes(jackson), JsonWriter.toBytes(kernel.value), shown);
        }
    }

    /**
     * Valid JSON with one to three near-miss edits at its punctuation (trailing or doubled commas, missing colons,
     * stray brackets) or anywhere, and soups of JSON and not-quite-JSON tokens.
     */
    @Provide
    Arbitrary<byte[]> validUtf8Inputs() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.of(EditKind.class),
                Arbitraries.of(",", ",", ":", "]", "}", "[", "{", "\"", "1", "\"k\":"), Arbitraries.of(TOKENS),
                Arbitraries.integers()).as(Edit::new);
        Arbitrary<byte[]> edited = Combinators.combine(JsonArbitraries.containers(),
                edit.list().ofMinSize(1).ofMaxSize(3))
                .as((value, edits) -> {
                    String text = JsonWriter.toJson(value);
                    for (Edit e : edits) {
                        text = e.apply(text);
                    }
                    return text.getBytes(StandardCharsets.UTF_8);
                });
        Arbitrary<byte[]> untouched = JsonArbitraries.values().map(JsonWriter::toBytes);
        Arbitrary<byte[]> soup = Arbitraries.of(TOKENS).list().ofMaxSize(12)
                .map(tokens -> String.join("", tokens).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(Tuple.of(1, untouched), Tuple.of(4, edited), Tuple.of(2, soup))
                .filter(JsonParserJacksonDifferentialTests::isValidUtf8);
    }

    enum EditKind { BEFORE_CLOSER, AFTER_OPENER, AT_PUNCTUATION, DELETE_PUNCTUATION, ANYWHERE }

    /** One edit: punctuation ones use the structural token, ANYWHERE any token. */
    static final class Edit {
        final EditKind kind;
        final String structural;
        final String token;
        final int random;

        Edit(EditKind kind, String structural, String token, int random) {
            this.kind = kind;
            this.structural = structural;
            this.token = token;
            this.random = random;
        }

        String apply(String text) {
            switch (kind) {
                case BEFORE_CLOSER:
                    return insert(text, pick(text, "]}", 0), structural);
                case AFTER_OPENER:
                    return insert(text, pick(text, "[{", 1), structural);
                case AT_PUNCTUATION:
                    return insert(text, pick(text, "[]{},:", 0), structural);
                case DELETE_PUNCTUATION: {
                    int at = pick(text, "[]{},:", 0);
                    return at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
                }
                default:
                    return insert(text, Math.floorMod(random, text.length() + 1), token);
            }
        }

        /** The index (plus offset) of one of the characters, or any index when there is none. */
        private int pick(String text, String characters, int offset) {
            List<Integer> found = new ArrayList<>();
            for (int i = 0; i < text.length(); i++) {
                if (characters.indexOf(text.charAt(i)) >= 0) {
                    found.add(i + offset);
                }
            }
            if (found.isEmpty()) {
                return Math.floorMod(random, text.length() + 1);
            }
            return found.get(Math.floorMod(random, found.size()));
        }

        private static String insert(String text, int at, String what) {
            return text.substring(0, at) + what + text.substring(at);
        }

        @Override
        public String toString() {
            return kind + "(" + (kind == EditKind.ANYWHERE ? token : structural) + ", " + random + ")";
        }
    }

    /** Jackson's reading as a kernel value, or null when Jackson rejects the text (or finds no value in it). */
    private static JsonValue jackson(String text) throws IOException {
        try (com.fasterxml.jackson.core.JsonParser p = JACKSON.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null; // empty or only whitespace: Jackson reports "no content" this way, serde an EOF error
            }
            JsonValue value = read(p, first);
            return p.nextToken() == null ? value : null; // a second root value is trailing characters to serde
        } catch (StreamReadException e) {
            return null;
        }
    }

    /** Numbers go through serde's reading of the token's text, so that the values compare exactly. */
    private static JsonValue read(com.fasterxml.jackson.core.JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_NULL:
                return JsonNull.INSTANCE;
            case VALUE_TRUE:
                return JsonBool.TRUE;
            case VALUE_FALSE:
                return JsonBool.FALSE;
            case VALUE_STRING:
                return JsonString.of(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return SerdeNumberModel.read(p.getText()).number;
            case START_ARRAY: {
                List<JsonValue> items = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    items.add(read(p, t));
                }
                return JsonArray.of(items);
            }
            case START_OBJECT: {
                JsonObject.Builder object = JsonObject.builder();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    object.put(name, read(p, p.nextToken())); // the last of a repeated key wins, as in serde
                }
                return object.build();
            }
            default:
                throw new IllegalStateException("unexpected " + token);
        }
    }

    private static boolean isValidUtf8(byte[] input) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(input));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
