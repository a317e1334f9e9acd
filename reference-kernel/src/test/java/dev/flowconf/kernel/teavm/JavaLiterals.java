package dev.flowconf.kernel.teavm;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Java source expressions for the argument values JUnit passed, so the generated runner passes the same ones. */
final class JavaLiterals {
    private JavaLiterals() {
    }

    /** Whether {@link #literal} can write the value; any other one must come from a {@code @MethodSource}. */
    static boolean isLiteral(Object value) {
        return value == null || value instanceof String || value instanceof Character || value instanceof Boolean
                || value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long
                || value instanceof Float || value instanceof Double || value instanceof Enum
                || value instanceof BigInteger || value instanceof BigDecimal;
    }

    /** The Java expression for a value JUnit passed, exact to the bit (doubles as their IEEE bits). */
    static String literal(Object value, Class<?> parameterType) {
        if (value == null) {
            return "(" + parameterType.getCanonicalName() + ") null";
        }
        if (value instanceof String) {
            return str((String) value);
        }
        if (value instanceof Character) {
            return "(char) " + (int) (Character) value;
        }
        if (value instanceof Boolean || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Byte) {
            return "(byte) " + value;
        }
        if (value instanceof Short) {
            return "(short) " + value;
        }
        if (value instanceof Long) {
            return value + "L";
        }
        if (value instanceof Float) {
            return "Float.intBitsToFloat(0x" + Integer.toHexString(Float.floatToRawIntBits((Float) value)) + ") /* "
                    + value + " */";
        }
        if (value instanceof Double) {
            return "Double.longBitsToDouble(0x" + Long.toHexString(Double.doubleToRawLongBits((Double) value))
                    + "L) /* " + value + " */";
        }
        if (value instanceof Enum) {
            Enum<?> constant = (Enum<?>) value;
            return constant.getDeclaringClass().getCanonicalName() + "." + constant.name();
        }
        if (value instanceof BigInteger || value instanceof BigDecimal) {
            return "new " + value.getClass().getName() + "(" + str(value.toString()) + ")";
        }
        throw new IllegalArgumentException(value.getClass().getName());
    }

    /** A Java string literal; everything outside printable ASCII is a unicode escape (but CR and LF). */
    static String str(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n"); // not as a unicode escape: javac decodes those before lexing
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }

    /** An {@code Object} expression converted to a parameter's type, as JUnit converts {@code @MethodSource} values. */
    static String cast(Class<?> type, String value) {
        if (type.isPrimitive()) {
            String name = type.getName();
            return SuiteSourceGenerator.SUITE_PACKAGE + ".PortableSuite.to" + Character.toUpperCase(name.charAt(0))
                    + name.substring(1) + "(" + value + ")";
        }
        return "(" + type.getCanonicalName() + ") " + value;
    }
}
