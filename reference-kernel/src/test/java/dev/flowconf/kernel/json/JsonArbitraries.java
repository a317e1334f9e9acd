package dev.flowconf.kernel.json;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik generators for the JSON properties: values, strings over all of Unicode, numbers over their full ranges. */
public final class JsonArbitraries {
    /** Deep enough for arrays in objects in arrays; wide enough for key order to matter. */
    static final int DEPTH = 4;
    static final int WIDTH = 5;

    private JsonArbitraries() {
    }

    /** Any value, with f64s drawn from every kind of double (most of which serde cannot read back exactly). */
    public static Arbitrary<JsonValue> values() {
        return values(DEPTH);
    }

    /** Any value nested at most depth containers deep (shallow ones are much cheaper to generate). */
    public static Arbitrary<JsonValue> values(int depth) {
        return values(depth, Arbitraries.oneOf(u64s(), negativeI64s(), anyF64s()));
    }

    /** Any value whose f64s serde reads back exactly (see {@link #exactlyReadableF64s()}). */
    static Arbitrary<JsonValue> exactlyReadableValues() {
        return values(DEPTH, Arbitraries.oneOf(u64s(), negativeI64s(), exactlyReadableF64s()));
    }

    /** An array or an object (never a scalar), holding any values: the most punctuation to break. */
    static Arbitrary<JsonValue> containers() {
        return containers(DEPTH, Arbitraries.oneOf(u64s(), negativeI64s(), anyF64s()));
    }

    private static Arbitrary<JsonValue> values(int depth, Arbitrary<JsonValue> numbers) {
        Arbitrary<JsonValue> leaves = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(JsonNull.INSTANCE, JsonBool.TRUE, JsonBool.FALSE)),
                Tuple.of(3, numbers),
                Tuple.of(3, strings(12).map(JsonString::of)));
        if (depth == 0) {
            return leaves;
        }
        return Arbitraries.frequencyOf(Tuple.of(2, leaves), Tuple.of(1, containers(depth, numbers)));
    }

    private static Arbitrary<JsonValue> containers(int depth, Arbitrary<JsonValue> numbers) {
        Arbitrary<JsonValue> inner = values(depth - 1, numbers);
        Arbitrary<JsonValue> arrays = inner.list().ofMaxSize(WIDTH).map(JsonArray::of);
        Arbitrary<JsonValue> objects = Arbitraries.maps(keys(), inner).ofMaxSize(WIDTH).map(JsonArbitraries::object);
        return Arbitraries.oneOf(arrays, objects);
    }

    private static JsonValue object(Map<String, JsonValue> entries) {
        JsonObject.Builder b = JsonObject.builder();
        entries.forEach(b::put);
        return b.build();
    }

    /**
     * Code points of every kind, weighted towards the ones with rules: controls (escaped), quote, backslash and
     * slash, DEL, the BMP around the surrogates, and astral characters (surrogate pairs in Java, 4 UTF-8 bytes).
     */
    static Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(3, Arbitraries.integers().between(0x00, 0x1F)),
                Tuple.of(2, Arbitraries.of((int) '"', (int) '\\', (int) '/', 0x7F, 0x80, 0x2028, 0x2029, 0xFEFF,
                        0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF)),
                Tuple.of(3, Arbitraries.integers().between(0x80, 0xFFFF).filter(c -> c < 0xD800 || c > 0xDFFF)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)));
    }

    /** Valid Unicode text (no lone surrogates: a Rust string cannot hold one, and the parser never makes one). */
    public static Arbitrary<String> strings(int maxCodePoints) {
        return codePoints().list().ofMaxSize(maxCodePoints).map(JsonArbitraries::text);
    }

    static String text(List<Integer> codePoints) {
        StringBuilder s = new StringBuilder();
        codePoints.forEach(s::appendCodePoint);
        return s.toString();
    }

    /** Short keys, often from a set whose code-point order differs from Java's UTF-16 order. */
    static Arbitrary<String> keys() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, strings(6)),
                Tuple.of(1, Arbitraries.of("", "a", "b", "A", "_", "10", "9", "é", "\uE000", "\uFF21", "\uFFFF",
                        "\uD83D\uDE00", "\uD800\uDC00", "a\uD83D\uDE00", "a\uFFFF")));
    }

    /** Every u64 (a long's bits, so the upper half is the negative longs). */
    static Arbitrary<JsonValue> u64s() {
        return Arbitraries.longs().map(JsonNumber::ofU64);
    }

    static Arbitrary<JsonValue> negativeI64s() {
        return Arbitraries.longs().between(Long.MIN_VALUE, -1).map(JsonNumber::ofI64);
    }

    /** Finite doubles of every shape: raw bit patterns, the plain-decimal range, powers of two, subnormals, edges. */
    static Arbitrary<Double> anyDoubles() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().map(Double::longBitsToDouble)),
                Tuple.of(3, Combinators.combine(Arbitraries.doubles().between(-1.0, 1.0),
                        Arbitraries.integers().between(-7, 17)).as((d, e) -> d * Math.pow(10, e))),
                Tuple.of(1, Arbitraries.integers().between(-1074, 1023).map(e -> Math.scalb(1.0, e))),
                Tuple.of(1, Arbitraries.longs().between(1, 0xFFFFFFFFFFFFFL).map(Double::longBitsToDouble)),
                Tuple.of(1, Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e16,
                        1e-5, 1e-6, 9.999999999999999e22, 1e23, 5e-324, 2.2250738585072014E-308,
                        0.1, 1.0, 100.0, 123456789.12345679)))
                .filter(d -> !Double.isNaN(d) && !Double.isInfinite(d));
    }

    static Arbitrary<JsonValue> anyF64s() {
        return anyDoubles().map(JsonNumber::ofF64);
    }

    /**
     * Doubles serde reads back exactly from their ryu text, although it is not correctly rounded (rules §1.3):
     * D x 10^k with D < 10^15 and -15 <= k <= 7, rounded once. Their shortest text has at most 15 significant
     * digits and a decimal exponent in [-15, 21], and serde puts the digits it reads into its significand, so its
     * one multiplication or division has exact operands (at most 2^53, 10^|e| <= 10^22) and is correctly rounded:
     * it gives back the same double. Except for integral values from 2^53/10 to 1e16: ryu writes them with `.0`,
     * so the significand is 10 v, past 2^53 (7205759403792900.0 comes back an ulp off); they are left out.
     */
    static Arbitrary<Double> exactlyReadableDoubles() {
        Arbitrary<Long> digits = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.longs().between(0, 999)),
                Tuple.of(2, Arbitraries.longs().between(0, 999_999_999_999_999L)));
        return Combinators.combine(digits, Arbitraries.integers().between(-15, 7), Arbitraries.of(1.0, -1.0))
                .as((d, k, sign) -> sign * (k >= 0 ? d * Math.pow(10, k) : d / Math.pow(10, -k)))
                .filter(v -> !(Math.rint(v) == v && Math.abs(v) * 10 > 0x1p53 && Math.abs(v) < 1e16));
    }

    static Arbitrary<JsonValue> exactlyReadableF64s() {
        return exactlyReadableDoubles().map(JsonNumber::ofF64);
    }
}
