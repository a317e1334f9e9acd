package dev.flowconf.kernel.text;

/**
 * Rust's `str::trim` and `str::to_lowercase`, which upstream nodes use. Java's own trim/strip
 * remove a different set of characters, Java's lowercase decides final sigma differently, and the
 * platforms' Unicode tables are older than Rust's (Java 17: Unicode 13), so both rules are written
 * out here: `trim` removes exactly the code points with the Unicode White_Space property,
 * `to_lowercase` applies the default full case mapping with only the Final_Sigma context (SPEC.md
 * ECHO-2), from tables generated from what Rust itself answers ({@link RustUnicodeTables}).
 */
public final class RustText {
    private RustText() {}

    /** Removes the 25 Unicode White_Space code points from both ends. All of them are in the BMP. */
    public static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhiteSpace(s.charAt(start))) start++;
        while (end > start && isWhiteSpace(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    static boolean isWhiteSpace(char c) {
        if (c <= 0x20) return c == 0x20 || (c >= 0x09 && c <= 0x0D);
        switch (c) {
            case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
                return true;
            default:
                return c >= 0x2000 && c <= 0x200A;
        }
    }

    /**
     * Default full lowercase mapping without locale rules, as Rust's `to_lowercase` does it: per code
     * point from {@link RustUnicodeTables} (U+0130 is the one code point that becomes two), and the
     * Final_Sigma condition for U+03A3.
     */
    public static String toLowerCase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (cp < 0x80) {
                out.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
            } else if (cp == 0x0130) {
                out.append("i\u0307");
            } else if (cp == 0x03A3) {
                out.append(isFinalSigma(s, i) ? '\u03C2' : '\u03C3');
            } else {
                out.appendCodePoint(Tables.lowercase(cp));
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Unicode's Final_Sigma: a cased letter before (skipping case-ignorables) and none after. */
    private static boolean isFinalSigma(String s, int sigmaIndex) {
        int i = sigmaIndex;
        boolean casedBefore = false;
        while (i > 0) {
            int cp = s.codePointBefore(i);
            i -= Character.charCount(cp);
            if (Tables.isCaseIgnorable(cp)) continue;
            casedBefore = Tables.isCased(cp);
            break;
        }
        if (!casedBefore) return false;
        i = sigmaIndex + 1;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Tables.isCaseIgnorable(cp)) continue;
            return !Tables.isCased(cp);
        }
        return true;
    }

    /** The decoded tables, built on first use (a holder class, so a trim never pays for them). */
    private static final class Tables {
        private static final int[] CASED = CodePointTable.ranges(RustUnicodeTables.CASED);
        private static final int[] CASE_IGNORABLE = CodePointTable.ranges(RustUnicodeTables.CASE_IGNORABLE);
        /** Runs of four numbers: first code point, count, stride (1 or 2), delta + 0x20000 (never negative). */
        private static final int[] LOWERCASE = lowercaseRuns();

        private Tables() {}

        static boolean isCased(int cp) {
            return CodePointTable.contains(CASED, cp);
        }

        /** Case_Ignorable; the tables give a code point that is both only here, as the sigma rule skips it first. */
        static boolean isCaseIgnorable(int cp) {
            return CodePointTable.contains(CASE_IGNORABLE, cp);
        }

        static int lowercase(int cp) {
            int low = 0;
            int high = LOWERCASE.length / 4 - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                int first = LOWERCASE[4 * mid];
                int stride = LOWERCASE[4 * mid + 2];
                int last = first + (LOWERCASE[4 * mid + 1] - 1) * stride;
                if (cp < first) {
                    high = mid - 1;
                } else if (cp > last) {
                    low = mid + 1;
                } else {
                    return (cp - first) % stride == 0 ? cp + LOWERCASE[4 * mid + 3] - 0x20000 : cp;
                }
            }
            return cp;
        }

        private static int[] lowercaseRuns() {
            int[] encoded = CodePointTable.numbers(RustUnicodeTables.LOWERCASE);
            int previous = 0;
            for (int i = 0; i < encoded.length; i += 4) {
                encoded[i] += previous; // stored as the gap from the previous run's first code point
                previous = encoded[i];
            }
            return encoded;
        }
    }
}
