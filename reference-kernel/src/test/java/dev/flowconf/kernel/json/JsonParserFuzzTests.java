package dev.flowconf.kernel.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * The parser on hostile input: random bytes, token soups, valid JSON with a few bytes broken, and nesting up to
 * 10 000 deep. It must only ever answer a value or a JsonParseException with one of serde's messages at a position
 * inside the input (never a StackOverflowError or RuntimeException, never a hang: see {@link CheckedParse}), and
 * only accept valid UTF-8.
 * A failure prints its seed; {@code @Property(seed = "...")} replays it (see junit-platform.properties).
 */
@Tag("jvm-only") // jqwik runs on the JVM only
class JsonParserFuzzTests {
    /** Bytes that steer the parser into its states: structure, strings, escapes, numbers, idents, whitespace. */
    private static final byte[] JSON_BYTES = bytes("[]{}\",:\\/0123456789-+.eEtrufalsn \t\r\nbu\u007f");
    private static final byte[][] OPENERS = {bytes("["), bytes("{\"k\":"), bytes("{\"\":"), bytes("[\"s\",")};
    /** Pieces of strings and escapes (surrogates, bad hex, invalid UTF-8), numbers and idents, to glue together. */
    private static final byte[][] TOKENS = {
        bytes("\""), bytes("\""), bytes("\\"), bytes("\\u"), bytes("\\ud83d"), bytes("\\ude00"), bytes("\\udc00"),
        bytes("\\ud800"), bytes("\\u00e9"), bytes("\\u12g4"), bytes("\\n"), bytes("\\q"), bytes("\\/"), bytes("00"),
        bytes("0"), bytes("1"), bytes("9"), bytes("e"), bytes("E+"), bytes("-"), bytes("."), bytes("["), bytes("]"),
        bytes("{"), bytes("}"), bytes(","), bytes(":"), bytes("true"), bytes("nul"), bytes(" "), bytes("\n"),
        bytes("\r\n"), bytes("\u00e9"), bytes("\ud83d\ude00"), raw(0xFF), raw(0xC3), raw(0xED, 0xA0, 0x80),
        raw(0xF4, 0x90, 0x80, 0x80), raw(0x01), raw(0x00), raw(0x7F),
    };
    /** The inside of a string: valid and invalid UTF-8 (overlong, surrogate, too high, cut short), escapes. */
    private static final byte[][] STRING_PIECES = {
        bytes("a"), bytes("\u00e9"), bytes("\u20ac"), bytes("\ud83d\ude00"), bytes("\\n"), bytes("\\u00e9"),
        bytes("\\ud83d\\ude00"), raw(0xED, 0xA0, 0x80), raw(0xED, 0x9F, 0xBF), raw(0xC0, 0xAF),
        raw(0xE0, 0x80, 0x80), raw(0xF0, 0x80, 0x80, 0x80), raw(0xF4, 0x90, 0x80, 0x80), raw(0xF4, 0x8F, 0xBF, 0xBF),
        raw(0xE2, 0x80), raw(0x80), raw(0xFF), raw(0xC2), raw(0xF8, 0x88, 0x80, 0x80),
    };

    @Property(tries = 1000)
    void arbitraryBytesOnlyEverFailWithAJsonParseException(@ForAll("arbitraryBytes") byte[] input) {
        assertAcceptedOnlyValidJson(input, CheckedParse.parse(input));
    }

    @Provide
    Arbitrary<byte[]> arbitraryBytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> jsonish = Arbitraries.of(box(JSON_BYTES)).list().ofMaxSize(300)
                .map(JsonParserFuzzTests::unbox);
        Arbitrary<byte[]> deepThenJunk = Combinators.combine(Arbitraries.integers().between(1, 10_000),
                Arbitraries.of(OPENERS), Arbitraries.bytes().array(byte[].class).ofMaxSize(20))
                .as((depth, opener, junk) -> concat(repeat(opener, depth), junk));
        Arbitrary<byte[]> tokenSoup = Arbitraries.of(TOKENS).list().ofMaxSize(40)
                .map(tokens -> tokens.stream().reduce(new byte[0], JsonParserFuzzTests::concat));
        Arbitrary<byte[]> stringLiteral = Arbitraries.of(STRING_PIECES).list().ofMaxSize(8)
                .map(pieces -> pieces.stream().reduce(bytes("\""), JsonParserFuzzTests::concat))
                .map(content -> concat(content, bytes("\"")));
        return Arbitraries.frequencyOf(Tuple.of(2, random), Tuple.of(2, jsonish), Tuple.of(3, tokenSoup),
                Tuple.of(2, stringLiteral), Tuple.of(1, deepThenJunk));
    }

    @Property(tries = 1000)
    void mutatedJsonOnlyEverFailsWithAJsonParseException(@ForAll("mutatedJson") byte[] input) {
        assertAcceptedOnlyValidJson(input, CheckedParse.parse(input));
    }

    /**
     * What serde accepts is UTF-8 through and through (bytes outside strings are ASCII syntax, strings are
     * checked), and what the kernel then writes parses again.
     */
    private static void assertAcceptedOnlyValidJson(byte[] input, CheckedParse.Outcome outcome) {
        if (!outcome.accepted()) {
            return;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(input));
        } catch (CharacterCodingException e) {
            fail("accepted invalid UTF-8: " + CheckedParse.show(input));
        }
        assertTrue(CheckedParse.parse(JsonWriter.toBytes(outcome.value)).accepted(), () -> CheckedParse.show(input));
    }

    /** A written value with one to four edits: bit flips, replaced, inserted and deleted bytes, truncation. */
    @Provide
    Arbitrary<byte[]> mutatedJson() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Edit.class),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(box(bytes("[{\"\\]},:\n0-e."))).map(b -> (int) b)),
                        Tuple.of(1, Arbitraries.integers().between(0, 255))))
                .as(Mutation::new);
        return Combinators.combine(JsonArbitraries.values(), mutation.list().ofMinSize(1).ofMaxSize(4))
                .as((value, edits) -> {
                    byte[] text = JsonWriter.toBytes(value);
                    for (Mutation m : edits) {
                        text = m.apply(text);
                    }
                    return text;
                });
    }

    /**
     * serde's depth counter (rules §3.4): 127 nested containers parse; the 128th opener fails with
     * `recursion limit exceeded` at its own column, however deep the input goes; an unclosed document fails at
     * its end, inside its innermost container.
     */
    @Property(tries = 200)
    void nestingIsCutAtThe128thOpener(@ForAll @IntRange(min = 1, max = 10_000) int depth,
            @ForAll("openerCycles") List<byte[]> cycle, @ForAll("whitespace") String space, @ForAll boolean closed) {
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        StringBuilder compact = new StringBuilder();
        int opener128 = -1;
        for (int level = 0; level < depth; level++) {
            doc.writeBytes(bytes(space));
            if (level == 127) {
                opener128 = doc.size();
            }
            byte[] opener = cycle.get(level % cycle.size());
            doc.writeBytes(opener);
            compact.append(new String(opener, StandardCharsets.UTF_8));
        }
        doc.writeBytes(bytes(space + "1"));
        compact.append('1');
        if (closed) {
            for (int level = depth - 1; level >= 0; level--) {
                String closer = cycle.get(level % cycle.size())[0] == '[' ? "]" : "}";
                doc.writeBytes(bytes(space + closer));
                compact.append(closer);
            }
        }
        byte[] input = doc.toByteArray();
        CheckedParse.Outcome outcome = CheckedParse.parse(input);
        if (depth >= 128) {
            assertEquals("recursion limit exceeded at " + position(input, opener128 + 1), message(outcome),
                    CheckedParse.show(input));
        } else if (closed) {
            assertEquals(compact.toString(), JsonWriter.toJson(outcome.value));
        } else {
            boolean innermostIsArray = cycle.get((depth - 1) % cycle.size())[0] == '[';
            assertEquals((innermostIsArray ? "EOF while parsing a list" : "EOF while parsing an object") + " at "
                    + position(input, input.length), message(outcome), CheckedParse.show(input));
        }
    }

    @Provide
    Arbitrary<List<byte[]>> openerCycles() {
        return Arbitraries.of(OPENERS).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> whitespace() {
        return Arbitraries.of("", " ", "\n", "\r\n\t ");
    }

    /** serde's position of byte index i (rules §3.2), written out independently of the parser. */
    private static String position(byte[] input, int i) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < i; k++) {
            if (input[k] == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return "line " + line + " column " + (i - lineStart);
    }

    private static String message(CheckedParse.Outcome outcome) {
        return outcome.accepted() ? "accepted as " + outcome.value : outcome.error.getMessage();
    }

    enum Edit { FLIP_BIT, REPLACE, INSERT, DELETE, TRUNCATE }

    static final class Mutation {
        final Edit edit;
        final int position;
        final int value;

        Mutation(Edit edit, int position, int value) {
            this.edit = edit;
            this.position = position;
            this.value = value;
        }

        byte[] apply(byte[] text) {
            int at = position % (text.length + 1);
            int existing = Math.min(at, text.length - 1);
            switch (edit) {
                case FLIP_BIT:
                    if (text.length == 0) {
                        return text;
                    }
                    byte[] flipped = text.clone();
                    flipped[existing] ^= (byte) (1 << Math.floorMod(value, 8));
                    return flipped;
                case REPLACE:
                    if (text.length == 0) {
                        return text;
                    }
                    byte[] replaced = text.clone();
                    replaced[existing] = (byte) value;
                    return replaced;
                case INSERT:
                    return concat(concat(Arrays.copyOf(text, at), new byte[] {(byte) value}),
                            Arrays.copyOfRange(text, at, text.length));
                case DELETE:
                    if (text.length == 0) {
                        return text;
                    }
                    return concat(Arrays.copyOf(text, existing), Arrays.copyOfRange(text, existing + 1, text.length));
                default:
                    return Arrays.copyOf(text, at);
            }
        }

        @Override
        public String toString() {
            return edit + "@" + position + "(" + value + ")";
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] raw(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static Byte[] box(byte[] bytes) {
        Byte[] boxed = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            boxed[i] = bytes[i];
        }
        return boxed;
    }

    private static byte[] unbox(List<Byte> bytes) {
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    private static byte[] repeat(byte[] unit, int times) {
        byte[] out = new byte[unit.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, out, i * unit.length, unit.length);
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
