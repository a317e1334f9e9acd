package dev.flowconf.kernel.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.kernel.fuzz.Bounded;
import java.util.Set;

/**
 * Parses fuzz input the way the properties need it: within a time limit, and failing the property for anything
 * but a value or a JsonParseException whose message is one of serde's (rules §3.1) with a position inside the
 * input (§3.2: the line exists, and the column is at most that line's length in bytes).
 */
final class CheckedParse {
    static final long LIMIT_MILLIS = 2_000;

    /** Every message from_slice::&lt;Value&gt; can give (rules §3.1; the others are unreachable for Value). */
    static final Set<String> REASONS = Set.of(
            "EOF while parsing a list", "EOF while parsing an object", "EOF while parsing a string",
            "EOF while parsing a value", "expected `:`", "expected `,` or `]`", "expected `,` or `}`",
            "expected ident", "expected value", "invalid escape", "invalid number", "number out of range",
            "invalid unicode code point", "control character (\\u0000-\\u001F) found while parsing a string",
            "key must be a string", "lone leading surrogate in hex escape", "trailing comma", "trailing characters",
            "unexpected end of hex escape", "recursion limit exceeded");

    /** A parsed value or a checked parse error. */
    static final class Outcome {
        final JsonValue value;
        final JsonParseException error;

        private Outcome(JsonValue value, JsonParseException error) {
            this.value = value;
            this.error = error;
        }

        boolean accepted() {
            return error == null;
        }
    }

    private CheckedParse() {
    }

    static Outcome parse(byte[] input) {
        Outcome outcome;
        try {
            outcome = Bounded.call(() -> {
                try {
                    return new Outcome(JsonParser.parse(input), null);
                } catch (JsonParseException e) {
                    return new Outcome(null, e);
                }
            }, LIMIT_MILLIS, () -> show(input));
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError("the parser threw " + e + " (not a JsonParseException) for " + show(input), e);
        }
        if (!outcome.accepted()) {
            check(outcome.error, input);
        }
        return outcome;
    }

    private static void check(JsonParseException e, byte[] input) {
        assertTrue(REASONS.contains(e.reason()),
                () -> "not one of serde's messages: " + e.reason() + " for " + show(input));
        assertEquals(e.reason() + " at line " + e.line() + " column " + e.column(), e.getMessage());
        int lineStart = 0;
        for (int line = 1; line < e.line(); line++) {
            int lf = indexOfLf(input, lineStart);
            int current = line;
            assertTrue(lf >= 0, () -> "line " + e.line() + " but the input has only " + current + ": " + show(input));
            lineStart = lf + 1;
        }
        int lf = indexOfLf(input, lineStart);
        int lineLength = (lf < 0 ? input.length : lf) - lineStart;
        assertTrue(e.column() >= 0 && e.column() <= lineLength,
                () -> e.getMessage() + " but line " + e.line() + " has " + lineLength + " bytes: " + show(input));
    }

    private static int indexOfLf(byte[] input, int from) {
        for (int i = from; i < input.length; i++) {
            if (input[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The input in TestBytes notation, cut short for very long inputs. */
    static String show(byte[] input) {
        String shown = TestBytes.show(input);
        if (shown.length() <= 600) {
            return shown;
        }
        return shown.substring(0, 300) + " ... (" + input.length + " bytes) ... "
                + shown.substring(shown.length() - 300);
    }
}
