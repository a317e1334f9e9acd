package dev.flowconf.kernel.json;

/**
 * Number text and conversions exactly as serde_json 1.0.145 (ryu float printing) produces them.
 *
 * <p>Unsigned 64-bit helpers are written out with signed arithmetic so the kernel does not depend
 * on {@code Long.toUnsignedString}/{@code compareUnsigned}, which TeaVM's class library has not
 * always provided.
 */
public final class JsonNumbers {
    private JsonNumbers() {
    }

    /**
     * ryu's {@code format_finite}: plain decimal for 1e-5 <= |v| < 1e16 (integral values end in
     * {@code .0}), scientific otherwise, with no {@code +} in the exponent: {@code 0.0},
     * {@code -0.0}, {@code 1000000000000000.0}, {@code 1e16}, {@code 0.00001}, {@code 1e-6},
     * {@code 5e-324}.
     *
     * @throws IllegalArgumentException for NaN and infinities, which a JSON number cannot hold
     */
    public static String formatF64(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + nonFinite(v));
        }
        StringBuilder out = new StringBuilder(24);
        if (Double.doubleToRawLongBits(v) < 0) {
            out.append('-');
        }
        if (v == 0.0) {
            return out.append("0.0").toString();
        }
        ShortestDecimal d = ShortestDecimal.of(Math.abs(v));
        String digits = Long.toString(d.digits);
        int n = digits.length();
        int k = d.exponent;
        int p = n + k; // 10^(p-1) <= |v| < 10^p
        if (k >= 0 && p <= 16) {
            out.append(digits);
            appendZeros(out, k);
            out.append(".0");
        } else if (0 < p && p <= 16) {
            out.append(digits.substring(0, p)).append('.').append(digits.substring(p));
        } else if (-5 < p && p <= 0) {
            out.append("0.");
            appendZeros(out, -p);
            out.append(digits);
        } else {
            out.append(digits.charAt(0));
            if (n > 1) {
                out.append('.').append(digits.substring(1));
            }
            out.append('e').append(p - 1);
        }
        return out.toString();
    }

    /** Decimal text of a u64 held in a long's bits. */
    public static String formatU64(long bits) {
        if (bits >= 0) {
            return Long.toString(bits);
        }
        long quotient = (bits >>> 1) / 5;
        long lastDigit = bits - quotient * 10;
        return Long.toString(quotient) + lastDigit;
    }

    /** Rust's {@code u64 as f64}: round to nearest, ties to even. */
    public static double u64ToDouble(long bits) {
        if (bits >= 0) {
            return bits;
        }
        // Halve, keeping the dropped bit as a sticky bit so the single rounding stays correct.
        return ((double) ((bits >>> 1) | (bits & 1))) * 2.0;
    }

    /** Whether {@code u64 * 10 + digit} overflows u64 (serde's {@code overflow!} check). */
    static boolean u64TimesTenPlusOverflows(long u64, int digit) {
        long maxDiv10 = 1844674407370955161L; // u64::MAX / 10, and u64::MAX % 10 == 5
        return u64 < 0 || u64 > maxDiv10 || (u64 == maxDiv10 && digit > 5);
    }

    private static void appendZeros(StringBuilder out, int count) {
        for (int i = 0; i < count; i++) {
            out.append('0');
        }
    }

    /**
     * NaN or an infinity as Java prints it. Not {@code "" + v}: under TeaVM, formatting any double pulls in its
     * double-to-text tables (about a tenth of the Workers module) for two error messages.
     */
    static String nonFinite(double v) {
        return v != v ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
    }
}
