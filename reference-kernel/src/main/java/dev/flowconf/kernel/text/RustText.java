package dev.flowconf.kernel.text;

/**
 * Rust's `str::trim` and `str::to_lowercase`, which upstream nodes use. Java's own trim/strip
 * remove a different set of characters and Java's lowercase decides final sigma differently, so
 * both rules are written out here: `trim` removes exactly the code points with the Unicode
 * White_Space property, `to_lowercase` applies the default full case mapping with only the
 * Final_Sigma context (SPEC.md ECHO-2).
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
     * Default full lowercase mapping without locale rules: per code point, plus U+0130 to
     * "i\u0307" and the Final_Sigma condition for U+03A3.
     */
    public static String toLowerCase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (cp == 0x0130) {
                out.append("i\u0307");
            } else if (cp == 0x03A3) {
                out.append(isFinalSigma(s, i) ? '\u03C2' : '\u03C3');
            } else {
                out.appendCodePoint(Character.toLowerCase(cp));
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
            if (isCaseIgnorable(cp)) continue;
            casedBefore = isCased(cp);
            break;
        }
        if (!casedBefore) return false;
        i = sigmaIndex + 1;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isCaseIgnorable(cp)) continue;
            return !isCased(cp);
        }
        return true;
    }

    /** Cased: lowercase, uppercase or titlecase letters (general categories Ll, Lu, Lt). */
    private static boolean isCased(int cp) {
        int type = Character.getType(cp);
        return type == Character.LOWERCASE_LETTER || type == Character.UPPERCASE_LETTER
                || type == Character.TITLECASE_LETTER;
    }

    /**
     * Case_Ignorable: Mn, Me, Cf, Lm, Sk, plus Word_Break MidLetter, MidNumLet and Single_Quote.
     * Java exposes no such property, so the word-break members are listed.
     */
    private static boolean isCaseIgnorable(int cp) {
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.FORMAT:
            case Character.MODIFIER_LETTER:
            case Character.MODIFIER_SYMBOL:
                return true;
            default:
                break;
        }
        switch (cp) {
            case 0x0027: case 0x002E: case 0x003A: case 0x00B7: case 0x0387: case 0x055F: case 0x05F4:
            case 0x2018: case 0x2019: case 0x2024: case 0x2027: case 0xFE13: case 0xFE52: case 0xFE55:
            case 0xFF07: case 0xFF0E: case 0xFF1A:
                return true;
            default:
                return false;
        }
    }
}
