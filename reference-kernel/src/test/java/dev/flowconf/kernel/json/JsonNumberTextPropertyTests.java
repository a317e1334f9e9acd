package dev.flowconf.kernel.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Number literals against exact oracles: BigInteger for integers (JSON-NUM-1), Double.parseDouble where serde is
 * correctly rounded, and {@link SerdeNumberModel} (rules §1.3) where it is not (JSON-NUM-2, JSON-NUM-3).
 * Samples come from a printed seed; {@code -Dflowconf.seed=<seed>} replays them (see {@link JsonArbitraries}).
 */
// Samples drawn at run time from a fresh seed (the TeaVM runner replays recorded arguments, not a Random); the
// oracles are the JDK's exact BigInteger and Double.parseDouble.
@Tag("jvm-only")
@ExtendWith(JsonArbitraries.ReplayHint.class)
class JsonNumberTextPropertyTests {

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void everyU64TextIsReadAsThatU64AndWrittenBack(long bits) throws JsonParseException {
        String text = Long.toUnsignedString(bits);
        JsonNumber n = JsonParser.parse(text).asNumber();
        assertEquals(JsonNumber.Kind.U64, n.kind(), text);
        assertEquals(bits, n.longBits(), text);
        assertEquals(text, JsonWriter.toJson(n));
    }

    static Stream<Arguments> everyU64TextIsReadAsThatU64AndWrittenBack() {
        return JsonArbitraries.samples(JsonNumberTextPropertyTests.class, "everyU64TextIsReadAsThatU64AndWrittenBack",
                1000, JsonArbitraries::anyLong);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void everyNegativeI64TextIsReadAsThatI64AndWrittenBack(long value) throws JsonParseException {
        String text = Long.toString(value);
        JsonNumber n = JsonParser.parse(text).asNumber();
        assertEquals(JsonNumber.Kind.I64, n.kind(), text);
        assertEquals(value, n.longBits(), text);
        assertEquals(text, JsonWriter.toJson(n));
    }

    static Stream<Arguments> everyNegativeI64TextIsReadAsThatI64AndWrittenBack() {
        return JsonArbitraries.samples(JsonNumberTextPropertyTests.class,
                "everyNegativeI64TextIsReadAsThatI64AndWrittenBack", 1000, JsonArbitraries::negativeLong);
    }

    /** Integers just past u64/i64 and far beyond become f64s, never errors (rules §1.2). */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void integersBeyondU64AndI64BecomeSerdesF64(String text) throws JsonParseException {
        JsonNumber n = JsonParser.parse(text).asNumber();
        assertEquals(JsonNumber.Kind.F64, n.kind(), text);
        assertSameBits(SerdeNumberModel.read(text).number.doubleValue(), n.doubleValue(), text);
    }

    static Stream<Arguments> integersBeyondU64AndI64BecomeSerdesF64() {
        BigInteger pastU64 = SerdeNumberModel.U64_MAX.add(BigInteger.ONE);
        BigInteger pastI64 = SerdeNumberModel.I64_MIN.subtract(BigInteger.ONE);
        BigInteger far = BigInteger.TEN.pow(40);
        return JsonArbitraries.samples(JsonNumberTextPropertyTests.class, "integersBeyondU64AndI64BecomeSerdesF64",
                500, random -> (random.nextBoolean() ? bigIntegerBetween(random, pastU64, far)
                        : bigIntegerBetween(random, far.negate(), pastI64)).toString());
    }

    /** Uniform in [min, max], or one of the two ends (one in eight). */
    private static BigInteger bigIntegerBetween(Random random, BigInteger min, BigInteger max) {
        if (random.nextInt(8) == 0) {
            return random.nextBoolean() ? min : max;
        }
        BigInteger span = max.subtract(min).add(BigInteger.ONE);
        BigInteger r;
        do {
            r = new BigInteger(span.bitLength(), random);
        } while (r.compareTo(span) >= 0);
        return min.add(r);
    }

    /**
     * Any literal of the grammar: the kernel gives serde's u64/i64/f64 bit for bit, or `number out of range` at
     * serde's column exactly when serde's double would be infinite; and where serde is correctly rounded, the
     * double is Double.parseDouble's.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void everyLiteralIsReadAsSerdeReadsIt(String literal) throws JsonParseException {
        SerdeNumberModel.Reading expected = SerdeNumberModel.read(literal);
        if (expected.number == null) {
            JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse(literal), literal);
            assertEquals("number out of range at line 1 column " + expected.errorColumn, e.getMessage(), literal);
            return;
        }
        JsonNumber actual = JsonParser.parse(literal).asNumber();
        assertEquals(expected.number.kind(), actual.kind(), literal);
        if (actual.kind() == JsonNumber.Kind.F64) {
            assertSameBits(expected.number.doubleValue(), actual.doubleValue(), literal);
            if (SerdeNumberModel.isExactPath(literal)) {
                assertSameBits(Double.parseDouble(literal), actual.doubleValue(), literal + " (correctly rounded)");
            }
        } else {
            assertEquals(expected.number.longBits(), actual.longBits(), literal);
        }
    }

    static Stream<Arguments> everyLiteralIsReadAsSerdeReadsIt() {
        return JsonArbitraries.samples(JsonNumberTextPropertyTests.class, "everyLiteralIsReadAsSerdeReadsIt", 2000,
                JsonNumberTextPropertyTests::literal);
    }

    /**
     * Literals shaped to reach every branch of §1.3: short and 30-digit mantissas (past u64), leading-zero
     * fractions, exponents near ±308 and ±324, huge exponents that overflow i32.
     */
    static String literal(Random random) {
        String sign = random.nextBoolean() ? "" : "-";
        String integer = JsonArbitraries.frequency(random, 1, 4) == 0 ? "0"
                : JsonArbitraries.between(random, 1, 9) + (random.nextInt(10) < 3 ? "" : digits(random, 1, 30));
        String fraction;
        switch (JsonArbitraries.frequency(random, 2, 3, 1)) {
            case 0:
                fraction = "";
                break;
            case 1:
                fraction = "." + digits(random, 1, 30);
                break;
            default:
                fraction = "." + "0".repeat(JsonArbitraries.between(random, 1, 25)) + digits(random, 1, 30);
        }
        String exponent = "";
        if (JsonArbitraries.frequency(random, 2, 3) == 1) {
            String exponentDigits;
            switch (JsonArbitraries.frequency(random, 4, 4, 1, 1)) {
                case 0:
                    exponentDigits = String.valueOf(JsonArbitraries.between(random, 0, 30));
                    break;
                case 1:
                    exponentDigits = String.valueOf(JsonArbitraries.between(random, 280, 350));
                    break;
                case 2:
                    exponentDigits = JsonArbitraries.oneOf(random, "2147483647", "2147483648", "21474836470",
                            "99999999999", "0000000001");
                    break;
                default:
                    exponentDigits = digits(random, 1, 12);
            }
            exponent = JsonArbitraries.oneOf(random, "e", "E") + JsonArbitraries.oneOf(random, "", "+", "-")
                    + exponentDigits;
        }
        return sign + integer + fraction + exponent;
    }

    /** Decimal digits, any of them (leading zeros too), between min and max of them. */
    private static String digits(Random random, int min, int max) {
        StringBuilder s = new StringBuilder();
        for (int n = JsonArbitraries.between(random, min, max); n > 0; n--) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    private static void assertSameBits(double expected, double actual, String literal) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> literal + ": expected " + expected + " but was " + actual);
    }
}
