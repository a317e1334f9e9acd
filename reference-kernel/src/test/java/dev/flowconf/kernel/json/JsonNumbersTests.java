package dev.flowconf.kernel.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Number parsing and printing from upstream-json-rules.md §1.2, §1.3, §2.2-§2.4. */
class JsonNumbersTests {

    /** §2.4 (the ryu column) plus the §1.2 variant rules. */
    @ParameterizedTest(name = "[{index}] {0}  ->  {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1.10                           | F64 | 1.1
            2.50                           | F64 | 2.5
            1.0                            | F64 | 1.0
            1E2                            | F64 | 100.0
            1E+2                           | F64 | 100.0
            1e2                            | F64 | 100.0
            100                            | U64 | 100
            -100                           | I64 | -100
            0                              | U64 | 0
            -0                             | F64 | -0.0
            -0.0                           | F64 | -0.0
            0.0                            | F64 | 0.0
            0e0                            | F64 | 0.0
            0.1                            | F64 | 0.1
            100000000000000000000          | F64 | 1e20
            1e20                           | F64 | 1e20
            1e21                           | F64 | 1e21
            1e15                           | F64 | 1000000000000000.0
            1e16                           | F64 | 1e16
            1.5e16                         | F64 | 1.5e16
            9999999999999998.0             | F64 | 9999999999999998.0
            1e-5                           | F64 | 0.00001
            0.00001234                     | F64 | 0.00001234
            9.9999e-6                      | F64 | 9.9999e-6
            1e-6                           | F64 | 1e-6
            0.000001                       | F64 | 1e-6
            1e-7                           | F64 | 1e-7
            0.0000001                      | F64 | 1e-7
            1.5e-7                         | F64 | 1.5e-7
            123e-20                        | F64 | 1.23e-18
            1.23e4                         | F64 | 12300.0
            12345678.9                     | F64 | 12345678.9
            123456789.123456789            | F64 | 123456789.12345679
            0.1234567890123456789          | F64 | 0.12345678901234568
            1234567890123456.7             | F64 | 1234567890123456.8
            5e-324                         | F64 | 5e-324
            4.9e-324                       | F64 | 5e-324
            2e-323                         | F64 | 2e-323
            1.7976931348623157e308         | F64 | 1.7976931348623157e308
            1e100                          | F64 | 1e100
            18446744073709551615           | U64 | 18446744073709551615
            18446744073709551616           | F64 | 1.8446744073709552e19
            -9223372036854775808           | I64 | -9223372036854775808
            -9223372036854775809           | F64 | -9.223372036854776e18
            123456789012345678901234567890 | F64 | 1.2345678901234568e29
            18446744073709551615.0         | F64 | 1.8446744073709552e19
            10000000000000000000000e-22    | F64 | 1.0
            -1.5e-300                      | F64 | -1.4999999999999998e-300
            1e-400                         | F64 | 0.0
            -18446744073709551615          | F64 | -1.8446744073709552e19
            -9223372036854775807           | I64 | -9223372036854775807
            """)
    void literalVariantAndOutput(String input, JsonNumber.Kind kind, String output) throws JsonParseException {
        JsonNumber number = JsonParser.parse(input).asNumber();
        assertEquals(kind, number.kind());
        assertEquals(output, JsonWriter.toJson(number));
    }

    /**
     * §1.3 examples: serde's one-multiply procedure. Three of them differ from the correctly
     * rounded double the JVM gives; the other two only print differently from their input.
     */
    @Tag("jvm-only") // its third column compares with the JDK's Double.parseDouble, inexact for subnormals in TeaVM
    @ParameterizedTest(name = "[{index}] {0}  ->  {1}")
    @CsvSource(delimiter = '|', textBlock = """
            -1.5e-300                | -1.4999999999999998e-300 | false
            184467440737095516151    | 1.844674407370955e20     | true
            2.2250738585072011e-308  | 2.2250738585072014e-308  | false
            1.2345e-320              | 1.2347e-320              | true
            71.1390996030824628194   | 71.13909960308247        | false
            """)
    void notCorrectlyRounded(String input, String output, boolean sameAsJvm) throws JsonParseException {
        JsonValue value = JsonParser.parse(input);
        assertEquals(output, JsonWriter.toJson(value));
        assertEquals(sameAsJvm, Double.parseDouble(input) == value.asNumber().doubleValue());
    }

    /**
     * §2.2 layouts and the §2.3 cases where JDK 17's Double.toString is not ryu. The first column is a Java double
     * literal that JUnit converts with Double.valueOf on the JVM; the TeaVM run gets the very same bits.
     */
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0x0.0p0                   | 0.0
            -0x0.0p0                  | -0.0
            1e15                      | 1000000000000000.0
            100                       | 100.0
            123.456                   | 123.456
            1234567890123456.8        | 1234567890123456.8
            0.00001                   | 0.00001
            0.000015                  | 0.000015
            0.1                       | 0.1
            1e16                      | 1e16
            1.5e16                    | 1.5e16
            1e-6                      | 1e-6
            9.9999e-6                 | 9.9999e-6
            4.9e-324                  | 5e-324
            1e23                      | 1e23
            2.16624860425206848e17    | 2.1662486042520685e17
            0x1.0p-44                 | 5.684341886080802e-14
            -1.7976931348623157e308   | -1.7976931348623157e308
            2.2250738585072014e-308   | 2.2250738585072014e-308
            9007199254740993          | 9007199254740992.0
            0x1.0p63                  | 9.223372036854776e18
            -12.5                     | -12.5
            """)
    void formatF64(double value, String output) {
        assertEquals(output, JsonNumbers.formatF64(value));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteIsRefused(double value) {
        assertThrows(IllegalArgumentException.class, () -> JsonNumbers.formatF64(value));
        assertThrows(IllegalArgumentException.class, () -> JsonNumber.ofF64(value));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            0                    | 0
            9223372036854775807  | 9223372036854775807
            -9223372036854775808 | 9223372036854775808
            -1                   | 18446744073709551615
            -10                  | 18446744073709551606
            -6                   | 18446744073709551610
            """)
    void formatU64(long bits, String text) {
        assertEquals(text, JsonNumbers.formatU64(bits));
    }

    /** u64 as f64 rounds to nearest, ties to even, also above 2^63. */
    @Tag("jvm-only") // its oracle is the JDK's: Long.parseUnsignedLong (absent in TeaVM), hex Double.parseDouble
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            18446744073709551615 | 0x1.0p64
            9223372036854775808  | 0x1.0p63
            9223372036854776832  | 0x1.0p63
            9223372036854776833  | 0x1.0000000000001p63
            9223372036854778880  | 0x1.0000000000002p63
            18446744073709549568 | 0x1.fffffffffffffp63
            18446744073709550592 | 0x1.0p64
            9007199254740993     | 0x1.0p53
            9007199254740995     | 0x1.0000000000002p53
            """)
    void u64ToDouble(String u64, String expected) {
        long bits = Long.parseUnsignedLong(u64);
        assertEquals(Double.parseDouble(expected), JsonNumbers.u64ToDouble(bits));
        assertEquals(new BigDecimal(u64).doubleValue(), JsonNumbers.u64ToDouble(bits));
    }

    @Test
    void integerDoubleValue() {
        assertEquals(-9.223372036854775808e18, JsonNumber.ofI64(Long.MIN_VALUE).doubleValue());
        assertEquals(1.8446744073709552e19, JsonNumber.ofU64(-1L).doubleValue());
    }

    /**
     * The reader's stand-in for a double's unary minus (for TeaVM's Wasm GC backend) is IEEE 754's negation: the sign
     * bit flipped, nothing else. Said with bits, since {@code -v} itself is what that backend gets wrong for 0.0.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, 1.5, -1.5, Double.MIN_VALUE, -Double.MAX_VALUE, 1e300, Double.POSITIVE_INFINITY})
    void readerMinusFlipsTheSignBitOnly(double v) {
        assertEquals(Double.doubleToRawLongBits(v) ^ Long.MIN_VALUE, Double.doubleToRawLongBits(JsonNumberReader.minus(v)));
    }
}
