package dev.flowconf.kernel.json;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A second, independent reading of one JSON number literal as serde_json 1.x without float_roundtrip does it
 * (upstream-json-rules.md §1.2, §1.3): written from those rules with BigInteger for the significand and the JDK's
 * correctly rounded conversions, not from the kernel's code. It is what the properties compare the kernel with
 * where serde is not correctly rounded; {@link #isExactPath} says where it must also equal Double.parseDouble.
 */
final class SerdeNumberModel {
    static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    static final BigInteger I64_MIN = BigInteger.ONE.shiftLeft(63).negate();
    private static final BigInteger TWO_POW_53 = BigInteger.ONE.shiftLeft(53);

    /** The value, or (when {@code number} is null) `number out of range` at the 1-based {@code errorColumn}. */
    static final class Reading {
        final JsonNumber number;
        final int errorColumn;

        private Reading(JsonNumber number, int errorColumn) {
            this.number = number;
            this.errorColumn = errorColumn;
        }
    }

    private SerdeNumberModel() {
    }

    /** The literal must match JSON's number grammar (rules §1.1). */
    static Reading read(String literal) {
        boolean negative = literal.startsWith("-");
        int i = negative ? 1 : 0;
        int intStart = i;
        while (i < literal.length() && isDigit(literal.charAt(i))) {
            i++;
        }
        String intDigits = literal.substring(intStart, i);
        String fracDigits = null;
        if (i < literal.length() && literal.charAt(i) == '.') {
            int start = ++i;
            while (i < literal.length() && isDigit(literal.charAt(i))) {
                i++;
            }
            fracDigits = literal.substring(start, i);
        }
        boolean hasExponent = i < literal.length();
        if (fracDigits == null && !hasExponent) {
            BigInteger exact = new BigInteger(literal);
            if (!negative && exact.compareTo(U64_MAX) <= 0) {
                return value(JsonNumber.ofU64(exact.longValue()));
            }
            if (negative && exact.signum() < 0 && exact.compareTo(I64_MIN) >= 0) {
                return value(JsonNumber.ofI64(exact.longValue()));
            }
            // -0 and integers beyond u64/i64 are floats.
        }

        // §1.3 steps 1-3: digits go into a u64 significand while it fits. serde's integer loop drops the rest of
        // the integer digits (each one adds 1 to the exponent); its fraction loop, entered with that significand,
        // keeps taking digits while they fit and ignores all digits from the first that does not.
        BigInteger s = BigInteger.ZERO;
        long e = 0;
        boolean full = false;
        for (char c : intDigits.toCharArray()) {
            BigInteger next = s.multiply(BigInteger.TEN).add(BigInteger.valueOf(c - '0'));
            if (!full && next.compareTo(U64_MAX) <= 0) {
                s = next;
            } else {
                full = true;
                e++;
            }
        }
        if (fracDigits != null) {
            for (char c : fracDigits.toCharArray()) {
                BigInteger next = s.multiply(BigInteger.TEN).add(BigInteger.valueOf(c - '0'));
                if (next.compareTo(U64_MAX) > 0) {
                    break;
                }
                s = next;
                e--;
            }
        }
        if (hasExponent) {
            // Step 4: the exponent is an i32; past i32::MAX it is an error for a growing non-zero value, else 0.
            i++; // e or E
            boolean positiveExponent = literal.charAt(i) != '-';
            if (literal.charAt(i) == '+' || literal.charAt(i) == '-') {
                i++;
            }
            long exponent = 0;
            for (; i < literal.length(); i++) {
                exponent = exponent * 10 + (literal.charAt(i) - '0');
                if (exponent > Integer.MAX_VALUE) {
                    if (s.signum() != 0 && positiveExponent) {
                        return outOfRange(i + 1);
                    }
                    return value(JsonNumber.ofF64(negative ? -0.0 : 0.0));
                }
            }
            e = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, e + (positiveExponent ? exponent : -exponent)));
        }
        // Steps 5-7: the nearest double to s, then one IEEE multiplication or division by the double nearest 10^|e|.
        double f = new BigDecimal(s).doubleValue();
        while (true) {
            if (Math.abs(e) <= 308) {
                f = e >= 0 ? f * pow10((int) e) : f / pow10((int) -e);
                break;
            }
            if (f == 0.0) {
                break;
            }
            if (e > 0) {
                return outOfRange(literal.length());
            }
            f /= 1e308;
            e += 308;
        }
        if (Double.isInfinite(f)) {
            return outOfRange(literal.length());
        }
        return value(JsonNumber.ofF64(negative ? -f : f));
    }

    /**
     * Whether serde's procedure is correctly rounded for this literal, so that it must equal
     * {@code Double.parseDouble}: all digits fit the significand exactly (at most 2^53) and the decimal exponent
     * is within 10^22, the powers of ten a double holds exactly. One IEEE operation on exact operands rounds once.
     */
    static boolean isExactPath(String literal) {
        String mantissa = literal.replaceFirst("^-", "").split("[eE]")[0];
        int point = mantissa.indexOf('.');
        String digits = mantissa.replace(".", "");
        long e = point < 0 ? 0 : -(mantissa.length() - point - 1);
        String[] parts = literal.split("[eE]");
        if (parts.length == 2) {
            String exponent = parts[1].replaceFirst("^\\+", "");
            if (exponent.replaceFirst("^-", "").length() > 9) {
                return false;
            }
            e += Long.parseLong(exponent);
        }
        return new BigInteger(digits).compareTo(TWO_POW_53) <= 0 && Math.abs(e) <= 22;
    }

    /** The double nearest 10^i, as Java's literal 1e<i> is (the table serde multiplies by). */
    private static double pow10(int i) {
        return Double.parseDouble("1e" + i);
    }

    private static Reading value(JsonNumber number) {
        return new Reading(number, 0);
    }

    private static Reading outOfRange(int column) {
        return new Reading(null, column);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
