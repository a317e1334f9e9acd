package dev.flowconf.kernel.oracle;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Inputs written for the serde oracle, by kind: number shapes, nesting around the recursion limit, escapes, raw
 * control characters, invalid UTF-8, whitespace and positions, trailing characters, keys, literals and structure;
 * then random valid documents and random mutations of valid documents from one seeded {@link Random}. No expected
 * answers here: the oracle gives them.
 */
final class GeneratedInputs {
    private final List<OracleInput> inputs = new ArrayList<>();
    private final Random random;

    private GeneratedInputs(long seed) {
        this.random = new Random(seed);
    }

    /** The fixed inputs (the same on every run). */
    static List<OracleInput> fixed() {
        GeneratedInputs g = new GeneratedInputs(0);
        g.numbers();
        g.nesting();
        g.escapes();
        g.controlCharacters();
        g.invalidUtf8();
        g.whitespaceAndPositions();
        g.trailing();
        g.keys();
        g.literalsAndStructure();
        g.singleBytes();
        return g.inputs;
    }

    /** Random numbers, random valid documents and mutations of valid documents, all from {@code seed}. */
    static List<OracleInput> random(long seed, int numbers, int documents, int mutations,
            List<byte[]> moreValidDocuments) {
        GeneratedInputs g = new GeneratedInputs(seed);
        g.randomNumbers(numbers);
        List<byte[]> valid = new ArrayList<>();
        for (String doc : VALID_DOCUMENTS) {
            valid.add(doc.getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < documents; i++) {
            StringBuilder doc = new StringBuilder();
            g.randomValue(doc, 0);
            byte[] bytes = doc.toString().getBytes(StandardCharsets.UTF_8);
            g.inputs.add(new OracleInput("random document " + i, bytes));
            valid.add(bytes);
        }
        valid.addAll(moreValidDocuments);
        for (int i = 0; i < mutations; i++) {
            byte[] base = valid.get(g.random.nextInt(valid.size()));
            int count = 1 + g.random.nextInt(4);
            byte[] mutated = base;
            StringBuilder how = new StringBuilder();
            for (int m = 0; m < count; m++) {
                mutated = g.mutate(mutated, how);
            }
            g.inputs.add(new OracleInput("mutation " + i + " (" + how.toString().trim() + ")", mutated));
        }
        return g.inputs;
    }

    private void add(String kind, String text) {
        inputs.add(OracleInput.text(kind, text));
    }

    private void add(String kind, byte[] bytes) {
        inputs.add(new OracleInput(kind, bytes));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    // ---------------------------------------------------------------- numbers

    private static final String[] NUMBERS = {
        // integers at and around the i64 and u64 limits
        "0", "1", "-1", "9223372036854775806", "9223372036854775807", "9223372036854775808", "9223372036854775809",
        "-9223372036854775807", "-9223372036854775808", "-9223372036854775809", "-9223372036854775810",
        "18446744073709551614", "18446744073709551615", "18446744073709551616", "18446744073709551617",
        "-18446744073709551615", "-18446744073709551616", "-18446744073709551617", "99999999999999999999",
        "184467440737095516150", "1844674407370955161", "1844674407370955162", "-922337203685477580",
        "100000000000000000000", "-100000000000000000000", "36893488147419103232", "4294967295", "4294967296",
        "-2147483648", "-2147483649", "9007199254740991", "9007199254740992", "9007199254740993",
        "-9007199254740993", "18446744073709551615.0", "9223372036854775808.0", "-9223372036854775809.0",
        // zeros, signs, leading zeros
        "-0", "0.0", "-0.0", "00", "01", "-00", "-01", "000.1", "0.", "-", "--1", "+1", "+0", "-+1", "0-", "1-",
        "0e0", "0E0", "-0e-0", "0e+1", "0e-1", "-0e+0", "0.0e0", "0e", "0e+", "0e-", "-0.", "-.0", ".1", ".",
        "1.", "1.e1", "1.0e", "1e", "1E", "1e+", "1e-", "1e+-1", "1e-+1", "1ee1", "1.1.1", "1..1", "0x1", "0X1",
        "0b1", "1_000", "1,000", "1 000", "0123", "-0123", "00.5", "007", "1f", "1d", "1L", "1e1.5", "1e1e1",
        // exponents
        "1e0", "1e1", "1e+1", "1E+2", "1E2", "1e-1", "1E-1", "1e20", "1e21", "1e22", "1e23", "1e-7", "1e-6",
        "1e-5", "1e15", "1e16", "1e17", "1.5e300", "1e308", "1e309", "1e400", "-1e400", "1e-400", "-1e-400",
        "1E400", "0e400", "0e-400", "0.0e999999", "0e99999999999999999999", "1e99999999999999999999",
        "1e-99999999999999999999", "-1e-99999999999999999999", "0.000001e6", "123456.789e3", "123456.789e-3",
        "1e2147483647", "1e2147483648", "1e-2147483648", "1e-2147483649", "1e9223372036854775807",
        "1e18446744073709551616", "10e307", "10e308", "0.1e309", "0.1e310", "1000e-310", "100e306",
        // limits of f64, subnormals
        "1.7976931348623157e308", "-1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
        "1.797693134862315807e308", "1.7976931348623157081e308", "1.79769313486231580793728971405301e308",
        "1.797693134862315808e308", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093429831945542911591680", "2e308",
        "2.2250738585072014e-308", "2.2250738585072011e-308", "2.2250738585072012e-308", "2.225073858507201e-308",
        "4.9406564584124654e-324", "5e-324", "4.9e-324", "4e-324", "3e-324", "2.5e-324", "2.4703282292062328e-324",
        "2.4703282292062327e-324", "2.4703282292062327208828439643411068618252990130716238221279284125033775364e-324",
        "2e-324", "1e-324", "1e-323", "1.5e-323", "1e-320", "1e-310", "1e-308", "1e-307",
        // ryu's edge cases (shortest form)
        "5.764607523034235e39", "1.152921504606847e40", "2.305843009213694e40", "4.940656e-318",
        "1.18575755e-316", "2.989102097996e-312", "9.0608011534336e15", "4.708356024711512e18",
        "9.409340012568248e18", "1.2345678", "-2.109808898695963e16", "1.9430376160308388e16",
        "-6.9741824662760956e19", "4.3816050601147837e18", "9007199254740991.0", "9007199254740992.0",
        "9007199254740993.0", "1.0e23", "8.41e21", "5.0e-324", "1.1", "1.10", "0.1", "0.2", "0.3",
        "0.30000000000000004", "100.0", "1e2", "123.456", "1.5", "2.5", "0.5", "-0.5", "3.141592653589793",
        "2.718281828459045", "1.0000000000000002", "0.9999999999999999", "4.35", "2.675", "1.005",
        "123456789012345678901234567890", "1.2345678901234568e29", "0.000001", "0.0000001", "1234567.0",
        "12345678901234567.0", "1e-9", "1.0e-10", "1e100", "1e-100", "6.02214076e23", "6.62607015e-34",
        "299792458.0", "1.7e308", "1.8e308", "2.2e-308", "9.999999999999999e22", "1e22", "1.0e22",
        "8.98846567431158e307", "1.7976931348623157e307", "4.503599627370496e15", "4503599627370496.5",
        "4503599627370497.5", "9007199254740993.000000000000001", "2.0000000000000004", "7.0e-10",
        "0.1e1", "0.01e2", "10.0e-1", "1000000000000000000000.0", "-1000000000000000000000.0",
        "1.00000000000000011102230246251565404236316680908203125", "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126", "0.1000000000000000055511151231257827021181583404541015625",
        "7.2057594037927933e16", "72057594037927933", "72057594037927934.0", "9223372036854775807.5",
    };

    private void numbers() {
        for (String n : NUMBERS) {
            add("number", n);
            add("number in an array", "[" + n + "]");
            add("number in an object", "{\"n\":" + n + "}");
            add("number with whitespace", " " + n + " ");
        }
        // many digits
        String zeros = "0".repeat(800);
        add("many digits", "0." + zeros + "1");
        add("many digits", "1" + "0".repeat(400));
        add("many digits", "1" + "0".repeat(400) + ".0");
        add("many digits", "1" + "0".repeat(308));
        add("many digits", "1" + "0".repeat(309));
        add("many digits", "-1" + "0".repeat(309));
        add("many digits", "0." + "0".repeat(400) + "1e400");
        add("many digits", "0." + "0".repeat(323) + "5");
        add("many digits", "0." + "0".repeat(323) + "25");
        add("many digits", "0." + "0".repeat(324) + "1");
        add("many digits", "1" + "0".repeat(400) + "e-400");
        add("many digits", "1" + "0".repeat(500) + "e-600");
        add("many digits", "9".repeat(20));
        add("many digits", "9".repeat(100));
        add("many digits", "9".repeat(400));
        add("many digits", "1." + "9".repeat(400));
        add("many digits", "1." + "0".repeat(400) + "1");
        add("many digits", "0." + "9".repeat(400));
        add("many digits", "-" + "1".repeat(80));
        add("many digits", "1." + "1".repeat(19));
        add("many digits", "1." + "1".repeat(20) + "e-20");
        add("many digits", "123456789".repeat(10) + "e-80");
        add("many digits", "0.123456789".repeat(1) + "123456789".repeat(10) + "e80");
        add("many digits", "1".repeat(10000));
        add("many digits", "1." + "1".repeat(10000));
        add("many digits", "1e" + "1".repeat(1000));
        add("many digits", "1e-" + "1".repeat(1000));
        add("many digits", "0e" + "9".repeat(1000));
        add("many digits", "0." + "0".repeat(10000) + "1e10010");
        add("many digits", "-" + "0".repeat(1) + "." + "0".repeat(5000));
        for (int d = 15; d <= 21; d++) {
            add("digits around 2^64", "1" + "8".repeat(d));
            add("digits", "9".repeat(d) + ".5");
        }
        // powers of ten and two, both ways
        for (int e = -330; e <= 330; e += 7) {
            add("power of ten", "1e" + e);
            add("power of ten", "-9.99e" + e);
        }
        for (int e = 0; e <= 70; e++) {
            BigInteger p = BigInteger.ONE.shiftLeft(e);
            add("power of two", p.toString());
            add("power of two", p.subtract(BigInteger.ONE).toString());
            add("power of two", p.negate().toString());
            add("power of two", p.negate().subtract(BigInteger.ONE).toString());
            add("power of two", p + ".0");
        }
    }

    private void randomNumbers(int count) {
        for (int i = 0; i < count; i++) {
            String n;
            switch (random.nextInt(10)) {
                case 0: // random integer text
                    n = (random.nextBoolean() ? "-" : "") + digits(1 + random.nextInt(25), true);
                    break;
                case 1: // random decimal text with optional exponent
                    n = (random.nextBoolean() ? "-" : "") + digits(1 + random.nextInt(20), true)
                            + (random.nextBoolean() ? "." + digits(1 + random.nextInt(20), false) : "")
                            + (random.nextBoolean() ? exponent(random.nextInt(4) == 0 ? 400 : 30) : "");
                    break;
                case 2: { // any finite double, as Java writes it (not always shortest) and shortest-looking forms
                    double d = randomDouble();
                    n = Double.toString(d);
                    break;
                }
                case 3: { // the exact decimal expansion of a double
                    double d = randomDouble();
                    n = new BigDecimal(d).toString();
                    break;
                }
                case 4: { // the exact midpoint between two neighbouring doubles, and just off it
                    double d = Math.abs(randomDouble());
                    BigDecimal mid = new BigDecimal(d).add(new BigDecimal(Math.nextUp(d))).divide(BigDecimal.valueOf(2));
                    int off = random.nextInt(3) - 1;
                    if (off != 0) {
                        mid = mid.add(BigDecimal.ONE.movePointLeft(mid.scale() + 5).multiply(BigDecimal.valueOf(off)));
                    }
                    n = random.nextBoolean() ? mid.toString() : mid.toPlainString();
                    break;
                }
                case 5: { // subnormals
                    double d = Double.longBitsToDouble(random.nextLong() & 0x000FFFFFFFFFFFFFL);
                    n = random.nextBoolean() ? Double.toString(d) : new BigDecimal(d).toString();
                    break;
                }
                case 6: { // %.17g and %.16g forms
                    double d = randomDouble();
                    n = String.format(Locale.ROOT, random.nextBoolean() ? "%.17e" : "%.16e", d);
                    break;
                }
                case 7: // digits near the f64 exponent limits
                    n = digits(1 + random.nextInt(19), true) + (random.nextBoolean() ? "." + digits(1 + random.nextInt(5), false) : "")
                            + "e" + (random.nextBoolean() ? "" : "-") + (290 + random.nextInt(50));
                    break;
                case 8: { // integers near the i64/u64 limits
                    BigInteger base = random.nextBoolean() ? BigInteger.ONE.shiftLeft(64) : BigInteger.ONE.shiftLeft(63);
                    BigInteger v = base.add(BigInteger.valueOf(random.nextInt(2001) - 1000));
                    n = (random.nextBoolean() ? "-" : "") + v;
                    break;
                }
                default: // a float with a long fraction
                    n = digits(1 + random.nextInt(3), true) + "." + digits(15 + random.nextInt(30), false);
            }
            add("random number", n);
        }
    }

    private double randomDouble() {
        double d;
        do {
            d = Double.longBitsToDouble(random.nextLong());
        } while (Double.isNaN(d) || Double.isInfinite(d));
        return d;
    }

    private String digits(int count, boolean noLeadingZero) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + (i == 0 && noLeadingZero && count > 1 ? 1 + random.nextInt(9) : random.nextInt(10))));
        }
        return out.toString();
    }

    private String exponent(int max) {
        String sign = new String[] {"", "+", "-"}[random.nextInt(3)];
        return (random.nextBoolean() ? "e" : "E") + sign + random.nextInt(max);
    }

    // ---------------------------------------------------------------- nesting

    private void nesting() {
        for (int depth : new int[] {1, 2, 126, 127, 128, 129, 130, 255, 256, 1000, 10000, 100000}) {
            add("nesting " + depth + " arrays, closed", "[".repeat(depth) + "]".repeat(depth));
            add("nesting " + depth + " arrays, open", "[".repeat(depth));
            add("nesting " + depth + " arrays around a value", "[".repeat(depth) + "1" + "]".repeat(depth));
            add("nesting " + depth + " objects, closed", "{\"a\":".repeat(depth) + "null" + "}".repeat(depth));
            add("nesting " + depth + " objects, open", "{\"a\":".repeat(depth));
            add("nesting " + depth + " empty objects innermost", "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1));
            add("nesting " + depth + " mixed", "[{\"k\":".repeat(depth / 2) + (depth % 2 == 1 ? "[]" : "0")
                    + "}]".repeat(depth / 2));
            add("nesting " + depth + " after a line", "\n  " + "[".repeat(depth) + "]".repeat(depth));
            add("nesting " + depth + " with spaces", "[ ".repeat(depth) + "]".repeat(depth));
            add("nesting " + depth + " one short of closing", "[".repeat(depth) + "]".repeat(depth - 1));
            add("nesting " + depth + " one too many closers", "[".repeat(depth) + "]".repeat(depth + 1));
            add("nesting " + depth + " siblings", "[".repeat(depth) + "]".repeat(depth - 1) + ",[]]");
            add("nesting " + depth + " then garbage", "[".repeat(depth) + "x");
        }
        add("nesting 127 then 128 in a sibling", "[" + "[".repeat(126) + "]".repeat(126) + "," + "[".repeat(127)
                + "]".repeat(127) + "]");
        add("nesting 127 twice", "[" + "[".repeat(125) + "]".repeat(125) + "," + "[".repeat(126) + "]".repeat(126) + "]");
        add("nesting 127 in an object key position", "{\"a\":".repeat(126) + "{1:2}" + "}".repeat(126));
    }

    // ---------------------------------------------------------------- escapes

    private void escapes() {
        for (int b = 0; b < 256; b++) {
            add("escape \\" + b, concat(utf8("\"\\"), bytes(b), utf8("\"")));
            add("escape \\" + b + " in a key", concat(utf8("{\"\\"), bytes(b), utf8("\":1}")));
        }
        String[] unicode = {
            "\\u0000", "\\u0001", "\\u001f", "\\u001F", "\\u0020", "\\u0022", "\\u005c", "\\u005C", "\\u002f",
            "\\u0041", "\\u007f", "\\u0080", "\\u00e9", "\\u00E9", "\\u07ff", "\\u0800", "\\u2028", "\\u2029",
            "\\ufeff", "\\ufffe", "\\uffff", "\\uFFFF", "\\ud7ff", "\\ue000", "\\ud83d\\ude00", "\\uD83D\\uDE00",
            "\\ud800\\udc00", "\\udbff\\udfff", "\\ud800", "\\udbff", "\\udc00", "\\udfff", "\\ud83d",
            "\\ude00", "\\ude00\\ud83d", "\\ud83d\\ud83d", "\\ud83d\\u0041", "\\ud83dx", "\\ud83d\\", "\\ud83d\\n",
            "\\ud83d\\u", "\\ud83d\\ud", "\\ud83d\\ude0", "\\ud83d\\ude0x", "\\ud83d\\ude0g", "\\ud83d\\uDBFF",
            "\\ud83d\\uE000", "\\ud83d\\\\", "\\ud83d\\\"", "\\ud83d\\udc00\\udc00", "\\u12g4", "\\u12G4",
            "\\u", "\\u1", "\\u12", "\\u123", "\\u 123", "\\u+123", "\\u-123", "\\uxxxx", "\\U0041",
            "\\u0041\\u0042", "a\\u0000b", "\\ud800\\u0000", "\\ud800\\ud800\\udc00", "\\u00", "\\u0g00",
            "\\u{41}", "\\x41", "\\101", "\\ud83d\\t", "\\uDC00\\uD800", "\\ud834\\udd1e", "\\uDAAA\\uDCCC",
        };
        for (String u : unicode) {
            add("unicode escape", "\"" + u + "\"");
            add("unicode escape, unterminated", "\"" + u);
            add("unicode escape in a key", "{\"" + u + "\":0}");
            add("unicode escape in an array", "[\"" + u + "\",1]");
        }
        String[] simple = {"\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\a", "\\v", "\\0", "\\'",
            "\\ ", "\\x", "\\e", "\\N", "\\B"};
        for (String e : simple) {
            add("simple escape", "\"a" + e + "b\"");
            add("simple escape at the end", "\"" + e);
            add("simple escape, key", "{\"" + e + "\":\"" + e + "\"}");
        }
        add("escape at EOF", "\"\\");
        add("escape at EOF in a key", "{\"\\");
        add("all escapes", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f\\u0080\\uffff\\ud83d\\ude00\"");
    }

    // ---------------------------------------------------------------- raw control characters

    private void controlCharacters() {
        for (int b = 0; b < 0x20; b++) {
            add("raw control in a string", concat(utf8("\"a"), bytes(b), utf8("b\"")));
            add("raw control in a key", concat(utf8("{\"a"), bytes(b), utf8("\":1}")));
            add("raw control at the end of a string", concat(utf8("\""), bytes(b)));
            add("raw control outside strings", concat(utf8("[1,"), bytes(b), utf8("2]")));
            add("raw control alone", bytes(b));
            add("raw control after a value", concat(utf8("1"), bytes(b)));
        }
        add("DEL in a string", concat(utf8("\"a"), bytes(0x7F), utf8("\"")));
        add("DEL outside", concat(utf8("["), bytes(0x7F), utf8("]")));
        add("NUL between values", concat(utf8("[1"), bytes(0), utf8(",2]")));
    }

    // ---------------------------------------------------------------- invalid UTF-8

    private static final int[][] BAD_UTF8 = {
        {0x80}, {0xBF}, {0xC0, 0x80}, {0xC0, 0xAF}, {0xC1, 0xBF}, {0xC2}, {0xC2, 0x41}, {0xC3}, {0xDF},
        {0xE0, 0x80, 0x80}, {0xE0, 0x9F, 0xBF}, {0xE0, 0xA0}, {0xE2, 0x82}, {0xE2, 0x82, 0x41}, {0xED, 0xA0, 0x80},
        {0xED, 0xBF, 0xBF}, {0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80}, {0xEF, 0xBF}, {0xF0, 0x80, 0x80, 0x80},
        {0xF0, 0x8F, 0xBF, 0xBF}, {0xF0, 0x9F, 0x98}, {0xF0, 0x9F}, {0xF0}, {0xF4, 0x90, 0x80, 0x80},
        {0xF4, 0x8F, 0xBF}, {0xF5, 0x80, 0x80, 0x80}, {0xF7, 0xBF, 0xBF, 0xBF}, {0xF8, 0x88, 0x80, 0x80, 0x80},
        {0xFC, 0x84, 0x80, 0x80, 0x80, 0x80}, {0xFE}, {0xFF}, {0xFF, 0xFE}, {0xFE, 0xFF}, {0x80, 0x80},
        {0xC3, 0xA9, 0xA9}, {0xE2, 0x82, 0xAC, 0x80},
    };
    private static final int[][] GOOD_UTF8 = {
        {0xC2, 0x80}, {0xC3, 0xA9}, {0xDF, 0xBF}, {0xE0, 0xA0, 0x80}, {0xE2, 0x82, 0xAC}, {0xED, 0x9F, 0xBF},
        {0xEE, 0x80, 0x80}, {0xEF, 0xBF, 0xBF}, {0xEF, 0xBB, 0xBF}, {0xF0, 0x90, 0x80, 0x80},
        {0xF0, 0x9F, 0x98, 0x80}, {0xF4, 0x8F, 0xBF, 0xBF}, {0xE2, 0x80, 0xA8}, {0xC2, 0xA0},
    };

    private void invalidUtf8() {
        for (int[][] table : new int[][][] {BAD_UTF8, GOOD_UTF8}) {
            String kind = table == BAD_UTF8 ? "invalid UTF-8 " : "valid UTF-8 ";
            for (int[] seq : table) {
                byte[] s = bytes(seq);
                add(kind + "in a string", concat(utf8("\""), s, utf8("\"")));
                add(kind + "inside a string", concat(utf8("\"ab"), s, utf8("cd\"")));
                add(kind + "in a key", concat(utf8("{\""), s, utf8("\":1}")));
                add(kind + "at the end, in a string", concat(utf8("\"x"), s));
                add(kind + "outside a string", s);
                add(kind + "in an array", concat(utf8("["), s, utf8("]")));
                add(kind + "after a value", concat(utf8("1"), s));
                add(kind + "after a value and a space", concat(utf8("[1] "), s));
                add(kind + "before an escape", concat(utf8("\""), s, utf8("\\n\"")));
                add(kind + "after an escape", concat(utf8("\"\\n"), s, utf8("\"")));
                add(kind + "on line 2", concat(utf8("[\n\""), s, utf8("\"]")));
                add(kind + "then an error", concat(utf8("[\""), s, utf8("\",]")));
            }
        }
    }

    // ---------------------------------------------------------------- whitespace and positions

    private void whitespaceAndPositions() {
        String[] ws = {"", " ", "\t", "\n", "\r", "\r\n", "\n\r", " \t\n\r ", "\n\n\n", "\r\r\r"};
        String[] notWs = {"\f", "\u000b", "\u00a0", "\ufeff", "\u2028", "\u2029", "\u3000", "\u0085", "\u0000",
            "\u200b"};
        for (String w : ws) {
            add("whitespace", w);
            add("whitespace around a value", w + "1" + w);
            add("whitespace in an array", "[" + w + "1" + w + "," + w + "2" + w + "]");
            add("whitespace in an object", "{" + w + "\"a\"" + w + ":" + w + "1" + w + "}");
            add("whitespace then an error", w + "[1,," + w + "]");
            add("whitespace then EOF in an array", "[" + w);
            add("whitespace then EOF in an object", "{" + w);
            add("whitespace then EOF after a key", "{\"a\"" + w);
            add("whitespace then EOF after a colon", "{\"a\":" + w);
        }
        for (String w : notWs) {
            add("not whitespace", w);
            add("not whitespace before a value", w + "1");
            add("not whitespace after a value", "1" + w);
            add("not whitespace in an array", "[1," + w + "2]");
            add("not whitespace in an object", "{\"a\":1" + w + "}");
        }
        add("BOM before a value", "\ufeff{}");
        add("BOM bytes before a value", concat(bytes(0xEF, 0xBB, 0xBF), utf8("[1]")));
        // line and column: serde counts lines after LF only, columns in bytes
        String[] tails = {"x", "]", ",", "}", "\"", "1 2", "tru", "[1,]", "{\"a\" 1}", "\"\\q\"", "1e400", "01"};
        String[] heads = {"", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", " \n ", "[\n", "[\n  1,\n  ", "\"é\" ", "[\"é\",",
            "[\"😀\",", "[\"\u2028\",", "{\"é😀\":\n", "  ", "\t\t", "[\"\\n\",\n", "\n\t "};
        for (String head : heads) {
            for (String tail : tails) {
                add("position", head + tail);
            }
        }
        add("long line then an error", "[" + "1,".repeat(5000) + "]");
        add("many lines then an error", "[" + "1,\n".repeat(5000) + "]");
        add("many CR then an error", "[" + "1,\r".repeat(5000) + "x]");
    }

    // ---------------------------------------------------------------- trailing characters

    private void trailing() {
        String[] docs = {"1 2", "1 x", "{}x", "{} {}", "[]]", "[] ]", "null,", "1,", "\"a\"\"b\"", "\"a\" \"b\"", "1\n\nx",
            "true false", "truefalse", "nullx", "1.5.", "[1]\n[2]", "{}\n}", "0 0", "00", "-0-", "1 /* c */",
            "1 // c", "1#", "{}\u0000", "[]\u0000\u0000", "\"a\"\n\n\n  b", "{\"a\":1}}", "{\"a\":1}]", "1e5e",
            "[1] \r\n x", "[] ,", "{},{}", "1\t\t1"};
        for (String d : docs) {
            add("trailing characters", d);
        }
    }

    // ---------------------------------------------------------------- keys

    private void keys() {
        String[] keys = {"", "a", "A", "b", "B", "aa", "a\\u0000", "\\u0000", "Z", "_", "-", "0", "10", "9", "é", "e\\u0301",
            "ÿ", "Ā", "\\uffff", "\\ufffe", "\\ud83d\\ude00", "😀", "\\ud800\\udc00", "𐀀", "\uffee", "\ue000", "~",
            "a b", " a", "a ", "\\\"", "\\\\", "\\/", "/", "key", "Key", "KEY", "ключ", "鍵", "\\u00e9", "é"};
        StringBuilder all = new StringBuilder("{");
        for (int i = 0; i < keys.length; i++) {
            all.append(i == 0 ? "" : ",").append('"').append(keys[i]).append("\":").append(i);
        }
        add("key ordering", all.append('}').toString());
        for (int round = 0; round < 40; round++) {
            List<String> shuffled = new ArrayList<>(Arrays.asList(keys));
            java.util.Collections.shuffle(shuffled, random);
            StringBuilder doc = new StringBuilder("{");
            int count = 1 + random.nextInt(shuffled.size());
            for (int i = 0; i < count; i++) {
                doc.append(i == 0 ? "" : ",").append('"').append(shuffled.get(i)).append("\":")
                        .append(random.nextInt(3) == 0 ? "{\"" + shuffled.get(shuffled.size() - 1 - i) + "\":" + i + ",\"a\":[]}" : i);
            }
            add("key ordering, shuffled", doc.append('}').toString());
        }
        String[] dups = {"{\"a\":1,\"a\":2}", "{\"a\":1,\"b\":2,\"a\":3}", "{\"a\":{\"x\":1},\"a\":{\"y\":2}}",
            "{\"a\":1,\"a\":1,\"a\":1}", "{\"a\":1,\"\\u0061\":2}", "{\"é\":1,\"\\u00e9\":2,\"e\\u0301\":3}",
            "{\"a\":[1],\"a\":null}", "{\"\":1,\"\":2}", "{\"a\":1,\"b\":2,\"a\":3,\"\\u0061\":4}",
            "{\"😀\":1,\"\\ud83d\\ude00\":2}", "[{\"a\":1,\"a\":2},{\"a\":3}]", "{\"a\":1,\"a\":}", "{\"a\":1,\"a\"}"};
        for (String d : dups) {
            add("duplicate keys", d);
        }
    }

    // ---------------------------------------------------------------- literals and structure

    private void literalsAndStructure() {
        String[] docs = {"", "true", "false", "null", "tru", "fals", "nul", "t", "f", "n", "nulll", "truex", "True",
            "FALSE", "NULL", "nil", "none", "undefined", "NaN", "-NaN", "Infinity", "-Infinity", "inf", "-inf",
            "nan", "tRue", "trUe", "fAlse", "nUll", "[true,false,null]", "[tru]", "[nul,1]", "{\"a\":tru}",
            "[", "]", "{", "}", "[]", "{}", "[,]", "[1,]", "[,1]", "[1,,2]", "[1 2]", "[1:2]", "{,}", "{\"a\"}",
            "{\"a\" 1}", "{\"a\":}", "{\"a\":1,}", "{\"a\":1 \"b\":2}", "{1:2}", "{a:1}", "{'a':1}", "['a']",
            "{\"a\":1,,\"b\":2}", "{\"a\"::1}", "{:1}", "{\"a\":1:2}", "[}", "{]", "[1}", "{\"a\":1]", "\"",
            "\"abc", "\"\\\"", "'a'", "\"a\"", "\"\"", "[\"\"]", "{\"\":\"\"}", "[[[]]]", "[{}]", "{\"a\":[]}",
            "{\"a\":{}}", "[null]", "[[],[[]],[[],[[]]]]", "{\"a\":1,\"b\":[1,2,{\"c\":null}]}", "-", "[-]",
            "[-a]", "{\"a\":-}", "[1,2,3", "[1,2,3,", "{\"a\":1", "{\"a\":1,", "{\"a\"", "{\"a\":", "{\"",
            "[\"a\",", "[true", "[false,", "[null ", "{\"a\":null", "\"a\\", "[1e", "[1.", "[-", "[01]",
            "{\"a\":01}", "[1]x", "[1,{]", "[{,}]", "[\"a\":1]", "{[]:1}", "{{}:1}", "{null:1}", "{true:1}",
            "{\"a\":1}{", "[][", "/**/1", "//\n1", "#\n1", "<a/>", "()", "1()", "=1", "a", "abc", "€", "é",
            "😀", "\\u0041", "\\", "\"\\u0041\"", "[\"\\u0041\"]", "--", "+", "+-1", "..", "e1", "E1", "[e1]",
        };
        for (String d : docs) {
            add("literal or structure", d);
        }
    }

    /** Every single byte, and every byte after a valid prefix. */
    private void singleBytes() {
        for (int b = 0; b < 256; b++) {
            add("single byte", bytes(b));
            add("byte after [", concat(utf8("["), bytes(b)));
            add("byte after {", concat(utf8("{"), bytes(b)));
            add("byte after a key", concat(utf8("{\"a\""), bytes(b)));
            add("byte after 1", concat(utf8("1"), bytes(b)));
            add("byte after -", concat(utf8("-"), bytes(b)));
            add("byte after 1.", concat(utf8("1."), bytes(b)));
            add("byte after 1e", concat(utf8("1e"), bytes(b)));
            add("byte after t", concat(utf8("t"), bytes(b)));
        }
    }

    // ---------------------------------------------------------------- random documents and mutations

    static final String[] VALID_DOCUMENTS = {
        "{\"value\":\"  HeLLo  \"}", "{\"value\":\"x\",\"n\":18446744073709551615,\"f\":1.5e300,\"neg\":-9223372036854775808}",
        "[1,2.5,-0,1e2,\"a\",true,false,null,{},[]]", "{\"a\":{\"b\":{\"c\":[1,{\"d\":\"\\u00e9\\ud83d\\ude00\"}]}}}",
        "{\"site\":\"alpha\"}", "{\"flag\":true,\"mode\":\"a\"}", "{\"z\":1,\"a\":2,\"m\":[3,4]}",
        " \n\t{ \"k\" : [ 1 , 2 ] , \"s\" : \"\\\"\\\\\\/\\b\\f\\n\\r\\t\" }\r\n", "\"text with é and 😀\"",
        "123456789012345678901234567890", "[0.1,0.2,0.30000000000000004,1e-7,5e-324,1.7976931348623157e308]",
        "{\"user\":{\"sub\":\"user-1\",\"email\":null},\"list\":[\"user-1\",\"a@example.com\"]}", "[[[[[[[[[[]]]]]]]]]]",
        "{\"\":\"\",\"a\\u0000b\":\"\\u001f\",\"\\uffff\":0,\"😀\":1}",
    };

    /** A random valid JSON text: varied whitespace, numbers of every kind, strings with escapes and non-ASCII. */
    private void randomValue(StringBuilder out, int depth) {
        whitespace(out);
        int kind = random.nextInt(depth > 6 ? 6 : 9);
        switch (kind) {
            case 0:
                out.append(new String[] {"true", "false", "null"}[random.nextInt(3)]);
                break;
            case 1:
            case 2:
                out.append(randomNumberText());
                break;
            case 3:
            case 4:
            case 5:
                randomString(out);
                break;
            case 6:
            case 7: {
                out.append('[');
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    randomValue(out, depth + 1);
                }
                whitespace(out);
                out.append(']');
                break;
            }
            default: {
                out.append('{');
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    whitespace(out);
                    randomString(out);
                    whitespace(out);
                    out.append(':');
                    randomValue(out, depth + 1);
                }
                whitespace(out);
                out.append('}');
            }
        }
        whitespace(out);
    }

    private String randomNumberText() {
        switch (random.nextInt(6)) {
            case 0:
                return Integer.toString(random.nextInt(2000) - 1000);
            case 1:
                return Long.toString(random.nextLong());
            case 2:
                return Long.toUnsignedString(random.nextLong());
            case 3:
                return Double.toString(randomDouble());
            case 4:
                return (random.nextBoolean() ? "-" : "") + digits(1 + random.nextInt(6), true) + "."
                        + digits(1 + random.nextInt(6), false) + (random.nextBoolean() ? exponent(40) : "");
            default:
                return (random.nextBoolean() ? "-" : "") + digits(1 + random.nextInt(25), true);
        }
    }

    private static final String[] STRING_PARTS = {"a", "b", "Z", " ", "é", "😀", "€", "\\n", "\\t", "\\\"", "\\\\", "\\/",
        "\\b", "\\f", "\\r", "\\u0000", "\\u001f", "\\u00e9", "\\ud83d\\ude00", "\\uffff", "\\u2028", "\u2028", "\u007f",
        "ß", "İ", "Σ", "\ufeff", "\u0085", "key", "value", "0", "1.5", "{", "}", "[", "]", ",", ":"};

    private void randomString(StringBuilder out) {
        out.append('"');
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            out.append(STRING_PARTS[random.nextInt(STRING_PARTS.length)]);
        }
        out.append('"');
    }

    private void whitespace(StringBuilder out) {
        if (random.nextInt(3) == 0) {
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                out.append(" \t\n\r".charAt(random.nextInt(4)));
            }
        }
    }

    private static final byte[] INTERESTING = utf8("{}[],:\"\\0123456789-+.eEtrufalsn \t\n\r/'x");
    private static final int[] INTERESTING_RAW = {0x00, 0x01, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0,
        0xF4, 0xF5, 0xFE, 0xFF, 0x0C};

    private byte[] mutate(byte[] in, StringBuilder how) {
        int len = in.length;
        int at = len == 0 ? 0 : random.nextInt(len + 1);
        switch (random.nextInt(8)) {
            case 0: { // delete one byte
                if (len == 0) {
                    return in;
                }
                int i = Math.min(at, len - 1);
                how.append(" delete@").append(i);
                return concat(Arrays.copyOfRange(in, 0, i), Arrays.copyOfRange(in, i + 1, len));
            }
            case 1: { // insert a byte
                byte b = interestingByte();
                how.append(" insert@").append(at);
                return concat(Arrays.copyOfRange(in, 0, at), new byte[] {b}, Arrays.copyOfRange(in, at, len));
            }
            case 2: { // replace a byte
                if (len == 0) {
                    return in;
                }
                int i = Math.min(at, len - 1);
                byte[] out = in.clone();
                out[i] = interestingByte();
                how.append(" replace@").append(i);
                return out;
            }
            case 3: { // truncate
                how.append(" truncate@").append(at);
                return Arrays.copyOfRange(in, 0, at);
            }
            case 4: { // duplicate a range
                int end = at + random.nextInt(Math.max(1, Math.min(16, len - at + 1)));
                end = Math.min(end, len);
                how.append(" duplicate@").append(at).append('-').append(end);
                return concat(Arrays.copyOfRange(in, 0, end), Arrays.copyOfRange(in, at, len));
            }
            case 5: { // delete a range
                int end = Math.min(len, at + 1 + random.nextInt(8));
                how.append(" cut@").append(at).append('-').append(end);
                return concat(Arrays.copyOfRange(in, 0, at), Arrays.copyOfRange(in, end, len));
            }
            case 6: { // swap two neighbours
                if (len < 2) {
                    return in;
                }
                int i = Math.min(at, len - 2);
                byte[] out = in.clone();
                byte t = out[i];
                out[i] = out[i + 1];
                out[i + 1] = t;
                how.append(" swap@").append(i);
                return out;
            }
            default: { // insert a random byte string
                byte[] junk = new byte[1 + random.nextInt(4)];
                random.nextBytes(junk);
                how.append(" junk@").append(at);
                return concat(Arrays.copyOfRange(in, 0, at), junk, Arrays.copyOfRange(in, at, len));
            }
        }
    }

    private byte interestingByte() {
        int pick = random.nextInt(10);
        if (pick < 7) {
            return INTERESTING[random.nextInt(INTERESTING.length)];
        }
        if (pick < 9) {
            return (byte) INTERESTING_RAW[random.nextInt(INTERESTING_RAW.length)];
        }
        return (byte) random.nextInt(256);
    }
}
