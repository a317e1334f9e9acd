package dev.flowconf.kernel.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser on hostile input: random bytes, token soups, valid JSON with a few bytes broken, and nesting up to
 * 10 000 deep. It must only ever answer a value or a JsonParseException with one of serde's messages at a position
 * inside the input (never a StackOverflowError or RuntimeException, never a hang: see {@link CheckedParse}), and
 * only accept valid UTF-8.
 *
 * <p>The two {@code @FuzzTest}s (Jazzer) take the raw bytes. Every test run replays their seed corpus, one file per
 * input, in src/test/resources/dev/flowconf/kernel/json/JsonParserFuzzTestsInputs/&lt;method&gt;/ (files directly in
 * JsonParserFuzzTestsInputs/ go to both); {@code JAZZER_FUZZ=1} fuzzes one of them (ci/fuzz, README.md). The
 * nesting property is a parameterized test over samples from a printed seed ({@code -Dflowconf.seed=<seed>}).
 */
@Tag("jvm-only") // Jazzer runs on the JVM only; the nesting samples are drawn at run time from a fresh seed
class JsonParserFuzzTests {
    private static final byte[][] OPENERS = {bytes("["), bytes("{\"k\":"), bytes("{\"\":"), bytes("[\"s\",")};

    /**
     * Any bytes. The seed corpus holds numbers of every shape (u64/i64 edges and past them, 30-digit mantissas,
     * huge and tiny exponents), idents, strings with every escape, surrogate escapes (paired, lone, cut short), bad
     * hex and raw controls, invalid UTF-8 (overlong, surrogates, past U+10FFFF, cut short), structural errors and
     * trailing garbage, nesting 127 to 10 000 deep then junk, and random bytes, JSON-ish byte and token soups.
     */
    @FuzzTest
    void arbitraryBytesOnlyEverFailWithAJsonParseException(byte[] input) {
        assertAcceptedOnlyValidJson(input, CheckedParse.parse(input));
    }

    /**
     * Written values broken by a few edits. The seed corpus holds written values (of every shape the writer
     * produces) with one to four bit flips, replaced, inserted and deleted bytes or a truncation; the fuzzer
     * mutates them further.
     */
    @FuzzTest
    void mutatedJsonOnlyEverFailsWithAJsonParseException(byte[] input) {
        assertAcceptedOnlyValidJson(input, CheckedParse.parse(input));
    }

    /**
     * What serde accepts is UTF-8 through and through (bytes outside strings are ASCII syntax, strings are
     * checked), and what the kernel then writes parses again.
     */
    private static void assertAcceptedOnlyValidJson(byte[] input, CheckedParse.Outcome outcome) {
        if (!outcome.accepted()) {
            return; // CheckedParse has already held the error to serde's messages and positions
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(input));
        } catch (CharacterCodingException e) {
            fail("accepted invalid UTF-8: " + CheckedParse.show(input));
        }
        assertTrue(CheckedParse.parse(JsonWriter.toBytes(outcome.value)).accepted(), () -> CheckedParse.show(input));
    }

    /** One sample of the nesting property: how deep, which openers in turn, what whitespace, closed or not. */
    static final class Nesting {
        final int depth;
        final List<byte[]> cycle;
        final String space;
        final boolean closed;

        Nesting(int depth, List<byte[]> cycle, String space, boolean closed) {
            this.depth = depth;
            this.cycle = cycle;
            this.space = space;
            this.closed = closed;
        }

        static Nesting sample(Random random) {
            int depth;
            switch (JsonArbitraries.frequency(random, 1, 1, 1, 3)) {
                case 0:
                    depth = JsonArbitraries.oneOf(random, 1, 2, 126, 127, 128, 129, 9_999, 10_000);
                    break;
                case 1:
                    depth = JsonArbitraries.between(random, 1, 127);
                    break;
                case 2:
                    depth = JsonArbitraries.between(random, 120, 140);
                    break;
                default:
                    depth = JsonArbitraries.between(random, 1, 10_000);
            }
            List<byte[]> cycle = new ArrayList<>();
            for (int n = JsonArbitraries.between(random, 1, 4); n > 0; n--) {
                cycle.add(JsonArbitraries.oneOf(random, OPENERS));
            }
            return new Nesting(depth, cycle, JsonArbitraries.oneOf(random, "", " ", "\n", "\r\n\t "),
                    random.nextBoolean());
        }

        @Override
        public String toString() {
            return "depth " + depth + ", openers " + cycle.stream().map(b -> new String(b, StandardCharsets.UTF_8))
                    .collect(Collectors.joining(" ")) + ", space " + TestBytes.show(bytes(space)) + ", "
                    + (closed ? "closed" : "unclosed");
        }
    }

    static Stream<Arguments> nestingIsCutAtThe128thOpener() {
        return JsonArbitraries.samples(JsonParserFuzzTests.class, "nestingIsCutAtThe128thOpener", 200,
                Nesting::sample);
    }

    /**
     * serde's depth counter (rules §3.4): 127 nested containers parse; the 128th opener fails with
     * `recursion limit exceeded` at its own column, however deep the input goes; an unclosed document fails at
     * its end, inside its innermost container.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    @ExtendWith(JsonArbitraries.ReplayHint.class)
    void nestingIsCutAtThe128thOpener(Nesting sample) {
        int depth = sample.depth;
        List<byte[]> cycle = sample.cycle;
        String space = sample.space;
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
        if (sample.closed) {
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
        } else if (sample.closed) {
            assertEquals(compact.toString(), JsonWriter.toJson(outcome.value));
        } else {
            boolean innermostIsArray = cycle.get((depth - 1) % cycle.size())[0] == '[';
            assertEquals((innermostIsArray ? "EOF while parsing a list" : "EOF while parsing an object") + " at "
                    + position(input, input.length), message(outcome), CheckedParse.show(input));
        }
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

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
