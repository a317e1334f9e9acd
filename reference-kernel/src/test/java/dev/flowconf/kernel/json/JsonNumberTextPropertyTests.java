package dev.flowconf.kernel.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;

/**
 * Number literals against exact oracles: BigInteger for integers (JSON-NUM-1), Double.parseDouble where serde is
 * correctly rounded, and {@link SerdeNumberModel} (rules §1.3) where it is not (JSON-NUM-2, JSON-NUM-3).
 * A failure prints its seed; {@code @Property(seed = "...")} replays it (see junit-platform.properties).
 */
@Tag("jvm-only") // jqwik runs on the JVM only; its oracles are the JDK's exact BigInteger and Double.parseDouble
class JsonNumberTextPropertyTests {

    @Property(tries = 1000)
    void everyU64TextIsReadAsThatU64AndWrittenBack(@ForAll long bits) throws JsonParseException {
        String text = Long.toUnsignedString(bits);
        JsonNumber n = JsonParser.parse(text).asNumber();
        assertEquals(JsonNumber.Kind.U64, n.kind(), text);
        assertEquals(bits, n.longBits(), text);
        assertEquals(text, JsonWriter.toJson(n));
    }

    @Property(tries = 1000)
    void everyNegativeI64TextIsReadAsThatI64AndWrittenBack(
            @ForAll @LongRange(min = Long.MIN_VALUE, max = -1) long value) throws JsonParseException {
        String text = Long.toString(value);
        JsonNumber n = JsonParser.parse(text).asNumber();
        assertEquals(JsonNumber.Kind.I64, n.kind(), text);
        assertEquals(value, n.longBits(), text);
        assertEquals(text, JsonWriter.toJson(n));
    }

    /** Integers just past u64/i64 and far beyond become f64s, never errors (rules §1.2). */
    @Property(tries = 500)
    void integersBeyondU64AndI64BecomeSerdesF64(@ForAll("integersBeyondRange") String text) throws JsonParseException {
        JsonNumber n = JsonParser.parse(text).asNumber();
        assertEquals(JsonNumber.Kind.F64, n.kind(), text);
        assertSameBits(SerdeNumberModel.read(text).number.doubleValue(), n.doubleValue(), text);
    }

    @Provide
    Arbitrary<String> integersBeyondRange() {
        Arbitrary<BigInteger> pastU64 = Arbitraries.bigIntegers()
                .between(SerdeNumberModel.U64_MAX.add(BigInteger.ONE), BigInteger.TEN.pow(40));
        Arbitrary<BigInteger> pastI64 = Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(40).negate(), SerdeNumberModel.I64_MIN.subtract(BigInteger.ONE));
        return Arbitraries.oneOf(pastU64, pastI64).map(BigInteger::toString);
    }

    /**
     * Any literal of the grammar: the kernel gives serde's u64/i64/f64 bit for bit, or `number out of range` at
     * serde's column exactly when serde's double would be infinite; and where serde is correctly rounded, the
     * double is Double.parseDouble's.
     */
    @Property(tries = 2000)
    void everyLiteralIsReadAsSerdeReadsIt(@ForAll("literals") String literal) throws JsonParseException {
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

    /**
     * Literals shaped to reach every branch of §1.3: short and 30-digit mantissas (past u64), leading-zero
     * fractions, exponents near ±308 and ±324, huge exponents that overflow i32.
     */
    @Provide
    Arbitrary<String> literals() {
        Arbitrary<String> sign = Arbitraries.of("", "-");
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> integer = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just("0")),
                Tuple.of(4, Combinators.combine(Arbitraries.integers().between(1, 9), digits.injectNull(0.3))
                        .as((first, rest) -> first + Optional.ofNullable(rest).orElse(""))));
        Arbitrary<String> fraction = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just("")),
                Tuple.of(3, digits.map(d -> "." + d)),
                Tuple.of(1, Combinators.combine(Arbitraries.strings().withChars('0').ofMinLength(1).ofMaxLength(25),
                        digits).as((zeros, d) -> "." + zeros + d)));
        Arbitrary<String> exponentDigits = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0, 30).map(String::valueOf)),
                Tuple.of(4, Arbitraries.integers().between(280, 350).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("2147483647", "2147483648", "21474836470", "99999999999", "0000000001")),
                Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12)));
        Arbitrary<String> exponent = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just("")),
                Tuple.of(3, Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of("", "+", "-"), exponentDigits)
                        .as((e, s, d) -> e + s + d)));
        return Combinators.combine(sign, integer, fraction, exponent).as((s, i, f, e) -> s + i + f + e);
    }

    private static void assertSameBits(double expected, double actual, String literal) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> literal + ": expected " + expected + " but was " + actual);
    }
}
