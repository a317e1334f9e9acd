package dev.flowconf.kernel.json;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Random samples for the kernel's parameterized property tests (JSON values, strings over all of Unicode, numbers
 * over their full ranges), drawn from a {@link java.util.Random} whose seed is printed.
 *
 * <p>Seeds: every run draws a fresh seed, so the tests keep exploring. The seed is in every sample's name
 * ({@code #17 (-Dflowconf.seed=-4711)}) and printed once per test method; {@code -Dflowconf.seed=-4711} on the Maven
 * command line replays exactly the same samples (each test method derives its own {@code Random} from the seed and
 * its name, so running one test alone gives the samples it had in the full run).
 */
public final class JsonArbitraries {
    /** The property {@code -Dflowconf.seed=N}: fixes the seed of every sampled test to replay a run. */
    public static final String SEED_PROPERTY = "flowconf.seed";
    /** This run's seed: the system property's, or a fresh one. */
    public static final long RUN_SEED = runSeed();

    /** Deep enough for arrays in objects in arrays; wide enough for key order to matter. */
    static final int DEPTH = 4;
    static final int WIDTH = 5;

    private JsonArbitraries() {
    }

    private static long runSeed() {
        String fixed = System.getProperty(SEED_PROPERTY);
        return fixed == null || fixed.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(fixed.trim());
    }

    /**
     * {@code count} arguments for a {@code @ParameterizedTest(name = "{0}")}, each one sample named
     * {@code #i (-Dflowconf.seed=S)}, generated lazily from a Random seeded from the run seed and the test's name.
     */
    public static <T> Stream<Arguments> samples(Class<?> testClass, String method, int count,
            Function<Random, T> generator) {
        String test = testClass.getSimpleName() + "." + method;
        Random random = new Random(RUN_SEED + 0x9E3779B97F4A7C15L * test.hashCode());
        System.out.println("[" + SEED_PROPERTY + "] " + test + ": " + count + " samples from seed " + RUN_SEED
                + "; replay them with -D" + SEED_PROPERTY + "=" + RUN_SEED);
        return IntStream.rangeClosed(1, count).mapToObj(i -> Arguments.of(
                Named.of("#" + i + " (-D" + SEED_PROPERTY + "=" + RUN_SEED + ")", generator.apply(random))));
    }

    /**
     * Register on a class of sampled tests ({@code @ExtendWith(JsonArbitraries.ReplayHint.class)}): a failing
     * sample's message starts with its name, {@code #17 (-Dflowconf.seed=-4711)}, so that Surefire's summary of
     * failures says how to replay it. Other tests' failures pass through unchanged.
     */
    public static final class ReplayHint implements TestExecutionExceptionHandler {
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            String name = context.getDisplayName();
            if (!name.contains("-D" + SEED_PROPERTY + "=")) {
                throw failure;
            }
            throw new AssertionError(name + ": " + failure.getMessage(), failure);
        }
    }

    // ---- small building blocks ----

    /** An index into the weights, drawn with probability weight / sum. */
    public static int frequency(Random random, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        throw new AssertionError();
    }

    /** An int in [min, max], both included. */
    public static int between(Random random, int min, int max) {
        return (int) longBetween(random, min, max);
    }

    /** A long in [min, max], both included (any range, Long.MIN_VALUE to Long.MAX_VALUE too). */
    public static long longBetween(Random random, long min, long max) {
        long span = max - min + 1; // 0 when the range is all longs
        if (span == 0) {
            return random.nextLong();
        }
        if (span > 0) {
            return min + Math.floorMod(random.nextLong(), span);
        }
        while (true) { // more than Long.MAX_VALUE values: draw until one falls inside
            long v = random.nextLong();
            if (v >= min && v <= max) {
                return v;
            }
        }
    }

    @SafeVarargs
    public static <T> T oneOf(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /** A size in [0, max], small ones more often (most bugs need few elements). */
    public static int size(Random random, int max) {
        return random.nextInt(4) == 0 ? random.nextInt(Math.min(max, 2) + 1) : random.nextInt(max + 1);
    }

    // ---- values ----

    /** Any value, with f64s drawn from every kind of double (most of which serde cannot read back exactly). */
    public static JsonValue value(Random random) {
        return value(random, DEPTH);
    }

    /** Any value nested at most depth containers deep. */
    public static JsonValue value(Random random, int depth) {
        return value(random, depth, JsonArbitraries::anyNumber);
    }

    /** Any value whose f64s serde reads back exactly (see {@link #exactlyReadableDouble(Random)}). */
    static JsonValue exactlyReadableValue(Random random) {
        return value(random, DEPTH, r -> switch (r.nextInt(3)) {
            case 0 -> u64(r);
            case 1 -> negativeI64(r);
            default -> JsonNumber.ofF64(exactlyReadableDouble(r));
        });
    }

    /** An array or an object (never a scalar), holding any values: the most punctuation to break. */
    static JsonValue container(Random random) {
        return container(random, DEPTH, JsonArbitraries::anyNumber);
    }

    private static JsonValue anyNumber(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> u64(random);
            case 1 -> negativeI64(random);
            default -> JsonNumber.ofF64(anyDouble(random));
        };
    }

    private static JsonValue value(Random random, int depth, Function<Random, JsonValue> numbers) {
        if (depth > 0 && frequency(random, 2, 1) == 1) {
            return container(random, depth, numbers);
        }
        return switch (frequency(random, 1, 3, 3)) {
            case 0 -> oneOf(random, JsonNull.INSTANCE, JsonBool.TRUE, JsonBool.FALSE);
            case 1 -> numbers.apply(random);
            default -> JsonString.of(string(random, 12));
        };
    }

    private static JsonValue container(Random random, int depth, Function<Random, JsonValue> numbers) {
        int n = size(random, WIDTH);
        if (random.nextBoolean()) {
            List<JsonValue> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(value(random, depth - 1, numbers));
            }
            return JsonArray.of(items);
        }
        JsonObject.Builder b = JsonObject.builder();
        for (int i = 0; i < n; i++) {
            b.put(key(random), value(random, depth - 1, numbers)); // a repeated key keeps the last, as a map would
        }
        return b.build();
    }

    // ---- strings ----

    /**
     * Code points of every kind, weighted towards the ones with rules: controls (escaped), quote, backslash and
     * slash, DEL, the BMP around the surrogates, and astral characters (surrogate pairs in Java, 4 UTF-8 bytes).
     */
    static int codePoint(Random random) {
        switch (frequency(random, 8, 3, 2, 3, 2)) {
            case 0:
                return between(random, 0x20, 0x7E);
            case 1:
                return between(random, 0x00, 0x1F);
            case 2:
                return oneOf(random, (int) '"', (int) '\\', (int) '/', 0x7F, 0x80, 0x2028, 0x2029, 0xFEFF,
                        0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF);
            case 3:
                while (true) {
                    int c = between(random, 0x80, 0xFFFF);
                    if (c < 0xD800 || c > 0xDFFF) {
                        return c;
                    }
                }
            default:
                return between(random, 0x10000, 0x10FFFF);
        }
    }

    /** Valid Unicode text (no lone surrogates: a Rust string cannot hold one, and the parser never makes one). */
    public static String string(Random random, int maxCodePoints) {
        StringBuilder s = new StringBuilder();
        for (int i = size(random, maxCodePoints); i > 0; i--) {
            s.appendCodePoint(codePoint(random));
        }
        return s.toString();
    }

    /** Short keys, often from a set whose code-point order differs from Java's UTF-16 order. */
    static String key(Random random) {
        if (frequency(random, 2, 1) == 0) {
            return string(random, 6);
        }
        return oneOf(random, "", "a", "b", "A", "_", "10", "9", "é", "\uE000", "\uFF21", "\uFFFF",
                "\uD83D\uDE00", "\uD800\uDC00", "a\uD83D\uDE00", "a\uFFFF");
    }

    // ---- numbers ----

    /** Every u64 (a long's bits, so the upper half is the negative longs), edges included. */
    static JsonValue u64(Random random) {
        return JsonNumber.ofU64(anyLong(random));
    }

    static JsonValue negativeI64(Random random) {
        return JsonNumber.ofI64(negativeLong(random));
    }

    /** Any long, one in eight an edge (0, ±1, the extremes, around 2^53 and 2^63). */
    public static long anyLong(Random random) {
        if (random.nextInt(8) == 0) {
            return oneOf(random, 0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1,
                    Long.MIN_VALUE + 1, 1L << 53, (1L << 53) + 1, 9_999_999_999_999_999L, 10_000_000_000_000_000L);
        }
        return random.nextLong();
    }

    /** A long in [Long.MIN_VALUE, -1], one in eight an edge. */
    public static long negativeLong(Random random) {
        if (random.nextInt(8) == 0) {
            return oneOf(random, -1L, -2L, Long.MIN_VALUE, Long.MIN_VALUE + 1, -(1L << 53), -(1L << 53) - 1,
                    -9_999_999_999_999_999L, -10_000_000_000_000_000L);
        }
        return random.nextLong() | Long.MIN_VALUE;
    }

    /** Finite doubles of every shape: raw bit patterns, the plain-decimal range, powers of two, subnormals, edges. */
    static double anyDouble(Random random) {
        while (true) {
            double d;
            switch (frequency(random, 3, 3, 1, 1, 1)) {
                case 0:
                    d = Double.longBitsToDouble(random.nextLong());
                    break;
                case 1: {
                    // d in [-1, 1], often with just two decimals, times 10^[-7, 17]
                    double m = random.nextDouble() * 2 - 1;
                    if (random.nextBoolean()) {
                        m = Math.rint(m * 100) / 100;
                    }
                    d = m * Math.pow(10, between(random, -7, 17));
                    break;
                }
                case 2:
                    d = Math.scalb(1.0, between(random, -1074, 1023));
                    break;
                case 3:
                    d = Double.longBitsToDouble(longBetween(random, 1, 0xFFFFFFFFFFFFFL));
                    break;
                default:
                    d = oneOf(random, 0.0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e16,
                            1e-5, 1e-6, 9.999999999999999e22, 1e23, 5e-324, 2.2250738585072014E-308,
                            0.1, 1.0, 100.0, 123456789.12345679);
            }
            if (!Double.isNaN(d) && !Double.isInfinite(d)) {
                return d;
            }
        }
    }

    /**
     * Doubles serde reads back exactly from their ryu text, although it is not correctly rounded (rules §1.3):
     * D x 10^k with D < 10^15 and -15 <= k <= 7, rounded once. Their shortest text has at most 15 significant
     * digits and a decimal exponent in [-15, 21], and serde puts the digits it reads into its significand, so its
     * one multiplication or division has exact operands (at most 2^53, 10^|e| <= 10^22) and is correctly rounded:
     * it gives back the same double. Except for integral values from 2^53/10 to 1e16: ryu writes them with `.0`,
     * so the significand is 10 v, past 2^53 (7205759403792900.0 comes back an ulp off); they are left out.
     */
    static double exactlyReadableDouble(Random random) {
        while (true) {
            long d = frequency(random, 1, 2) == 0 ? longBetween(random, 0, 999)
                    : longBetween(random, 0, 999_999_999_999_999L);
            int k = between(random, -15, 7);
            double sign = random.nextBoolean() ? 1.0 : -1.0;
            double v = sign * (k >= 0 ? d * Math.pow(10, k) : d / Math.pow(10, -k));
            if (!(Math.rint(v) == v && Math.abs(v) * 10 > 0x1p53 && Math.abs(v) < 1e16)) {
                return v;
            }
        }
    }
}
