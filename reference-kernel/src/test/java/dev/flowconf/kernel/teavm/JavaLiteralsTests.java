package dev.flowconf.kernel.teavm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Java expressions the generated runner passes for the arguments JUnit converted. */
@Tag("jvm-only") // about the TeaVM build's code generation, which runs on the JVM only
class JavaLiteralsTests {
    @Test
    void stringsEscapeQuotesBackslashesLineEndsAndAllButPrintableAscii() {
        assertEquals("\"a\\\"b\\\\c\"", JavaLiterals.str("a\"b\\c"));
        assertEquals("\"\\r\\n\"", JavaLiterals.str("\r\n"));
        assertEquals("\"\\u0009\\u00e9\\ud83d\\ude00\\u007f\"", JavaLiterals.str("\t\u00e9\ud83d\ude00\u007f"));
    }

    @Test
    void floatingPointValuesAreWrittenAsTheirBits() {
        assertEquals("Double.longBitsToDouble(0x8000000000000000L) /* -0.0 */",
                JavaLiterals.literal(-0.0, double.class));
        assertEquals("Double.longBitsToDouble(0x7ff8000000000000L) /* NaN */",
                JavaLiterals.literal(Double.NaN, Double.class));
        assertEquals("Float.intBitsToFloat(0x3f800000) /* 1.0 */", JavaLiterals.literal(1.0f, float.class));
    }

    @Test
    void integralValuesKeepTheirType() {
        assertEquals("(byte) -1", JavaLiterals.literal((byte) -1, byte.class));
        assertEquals("(short) 7", JavaLiterals.literal((short) 7, short.class));
        assertEquals("-3", JavaLiterals.literal(-3, int.class));
        assertEquals("9223372036854775807L", JavaLiterals.literal(Long.MAX_VALUE, long.class));
        assertEquals("(char) 65", JavaLiterals.literal('A', char.class));
    }

    @Test
    void objectsAreWrittenByTypeAndNullIsCastToTheParameter() {
        assertEquals("(java.lang.String) null", JavaLiterals.literal(null, String.class));
        assertEquals("java.util.concurrent.TimeUnit.DAYS", JavaLiterals.literal(TimeUnit.DAYS, TimeUnit.class));
        assertEquals("new java.math.BigDecimal(\"1.50\")", JavaLiterals.literal(new BigDecimal("1.50"), Object.class));
    }

    @Test
    void onlyValuesWithALiteralFormAreLiterals() {
        assertTrue(JavaLiterals.isLiteral(null));
        assertTrue(JavaLiterals.isLiteral(TimeUnit.SECONDS));
        assertFalse(JavaLiterals.isLiteral(List.of()));
        assertFalse(JavaLiterals.isLiteral(new int[0]));
    }

    @Test
    void methodSourceValuesArePassedWithJunitsConversions() {
        assertEquals("dev.flowconf.kernel.teavm.PortableSuite.toLong(a[0])", JavaLiterals.cast(long.class, "a[0]"));
        assertEquals("(java.util.List) a[1]", JavaLiterals.cast(List.class, "a[1]"));
        assertEquals("(byte[]) a[2]", JavaLiterals.cast(byte[].class, "a[2]"));
    }
}
