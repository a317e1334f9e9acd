package dev.flowconf.kernel.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The kernel and Jackson (default features: strict RFC 8259) accept and reject the same valid-UTF-8 inputs,
 * and read the same value from what both accept. (Invalid UTF-8 is made valid first: Jackson reads text, serde
 * bytes.)
 *
 * <p>Where serde_json and Jackson are known to disagree the input is left out, by serde's error, before any
 * comparison (see {@link #KNOWN_DISAGREEMENTS} and {@link #jacksonReadsNonAsciiAsHexDigit}); the property is not
 * loosened anywhere else.
 *
 * <p>A Jazzer {@code @FuzzTest}: every test run replays its seed corpus (valid JSON of every shape, the same with
 * near-miss edits at its punctuation, soups of JSON and not-quite-JSON tokens) in
 * src/test/resources/dev/flowconf/kernel/json/JsonParserJacksonDifferentialTestsInputs/&lt;method&gt;/;
 * {@code JAZZER_FUZZ=1} fuzzes it (ci/fuzz, README.md).
 */
@Tag("jvm-only") // Jazzer and Jackson run on the JVM only
class JsonParserJacksonDifferentialTests {
    private static final JsonFactory JACKSON = new JsonFactory();
    private static final String FUZZ_TEST = "kernelAndJacksonAcceptTheSameInputsAndReadTheSameValues";

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

    /**
     * Any bytes, made valid UTF-8 first (each maximal invalid subpart becomes U+FFFD, as a decoder does), so that
     * every fuzzed input is compared.
     */
    @FuzzTest
    void kernelAndJacksonAcceptTheSameInputsAndReadTheSameValues(byte[] raw) throws IOException {
        compare(validUtf8(raw));
    }

    /** Not vacuous: both answers are common in the seed corpus (at least 10 % each of both accept, both reject). */
    @Test
    void theSeedCorpusHasInputsBothAcceptAndInputsBothReject() throws IOException, URISyntaxException {
        Map<String, byte[]> seeds = seedCorpus();
        assertTrue(seeds.size() >= 20, () -> "only " + seeds.size() + " seeds");
        Map<String, Integer> outcomes = new TreeMap<>();
        for (byte[] seed : seeds.values()) {
            outcomes.merge(compare(validUtf8(seed)), 1, Integer::sum);
        }
        int total = seeds.size();
        assertTrue(outcomes.getOrDefault("both accept", 0) * 10 >= total, () -> "outcomes " + outcomes);
        assertTrue(outcomes.getOrDefault("both reject", 0) * 10 >= total, () -> "outcomes " + outcomes);
    }

    private static byte[] validUtf8(byte[] raw) {
        return new String(raw, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }

    /** Compares one valid-UTF-8 input; answers the outcome: both accept, both reject, or a known disagreement. */
    private static String compare(byte[] input) throws IOException {
        CheckedParse.Outcome kernel = CheckedParse.parse(input);
        if (!kernel.accepted() && KNOWN_DISAGREEMENTS.contains(kernel.error.reason())) {
            return "known disagreement: " + kernel.error.reason();
        }
        if (!kernel.accepted() && jacksonReadsNonAsciiAsHexDigit(input, kernel.error)) {
            return "known disagreement: Jackson's non-ASCII hex digit";
        }
        JsonValue jackson = jackson(new String(input, StandardCharsets.UTF_8));
        String shown = CheckedParse.show(input);
        assertEquals(kernel.accepted(), jackson != null, () -> (kernel.accepted() ? "only the kernel accepts "
                : "only Jackson accepts (kernel: " + kernel.error.getMessage() + ") ") + shown);
        if (kernel.accepted()) {
            // Bytes too, not just equals: equals treats 0.0 and -0.0 alike, as serde's PartialEq does.
            assertArrayEquals(JsonWriter.toBytes(jackson), JsonWriter.toBytes(kernel.value), shown);
        }
        return kernel.accepted() ? "both accept" : "both reject";
    }

    /**
     * A Jackson defect, found by fuzzing: in a {@code \\u} escape Jackson takes any character whose low byte is an
     * ASCII hex digit for that digit (jackson-core's {@code CharTypes.charToHex} masks with 0xFF), so it reads
     * {@code "\\u008\u0163"} (U+0163, low byte {@code c}) as U+008C and {@code "\\u\u0661\u0662\u0663\u0664"}
     * (Arabic-Indic digits) as U+ABCD. serde refuses both with `invalid escape`. True when that is the kernel's
     * error: `invalid escape` for a {@code \\u} escape with non-ASCII bytes among the four after the u, whose four
     * characters Jackson would all take for hex digits.
     */
    static boolean jacksonReadsNonAsciiAsHexDigit(byte[] input, JsonParseException error) {
        if (!"invalid escape".equals(error.reason())) {
            return false;
        }
        // serde reads the four bytes after the u at once and reports the position after them (rules §3.2: the
        // column counts bytes), so the u is five bytes before the column.
        int lineStart = 0;
        for (int line = 1; line < error.line(); line++) {
            while (input[lineStart] != '\n') {
                lineStart++;
            }
            lineStart++;
        }
        int u = lineStart + error.column() - 5;
        if (u < 1 || u + 4 >= input.length || input[u] != 'u' || input[u - 1] != '\\') {
            return false;
        }
        boolean nonAscii = false;
        for (int i = 1; i <= 4; i++) {
            nonAscii |= (input[u + i] & 0x80) != 0;
        }
        if (!nonAscii) {
            return false;
        }
        // Jackson accepts the escape when each of the four UTF-16 units after the u passes its masked test.
        String four = new String(input, u + 1, Math.min(16, input.length - u - 1), StandardCharsets.UTF_8);
        if (four.length() < 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            int low = four.charAt(i) & 0xFF;
            if (low >= 0x80 || Character.digit(low, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The committed seeds of the fuzz test, as Jazzer finds them: the method's directory, recursively. */
    private static Map<String, byte[]> seedCorpus() throws IOException, URISyntaxException {
        String dir = JsonParserJacksonDifferentialTests.class.getSimpleName() + "Inputs/" + FUZZ_TEST;
        URL url = JsonParserJacksonDifferentialTests.class.getResource(dir);
        assertNotNull(url, () -> "no seed corpus at " + dir);
        Path root = Path.of(url.toURI());
        Map<String, byte[]> seeds = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                seeds.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return seeds;
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
}
