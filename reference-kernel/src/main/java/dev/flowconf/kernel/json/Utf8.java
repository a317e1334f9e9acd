package dev.flowconf.kernel.json;

/**
 * UTF-8 both ways, by hand: decoding must accept exactly what Rust's {@code str::from_utf8}
 * accepts (no overlong forms, no encoded surrogates, nothing above U+10FFFF), and encoding must
 * turn a lone surrogate into U+FFFD, where Java's own encoder writes {@code ?}.
 */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * Rust's {@code String::from_utf8_lossy}: one U+FFFD per maximal invalid subpart (a lead byte and the
     * continuation bytes valid after it), as the WHATWG decoder does too. Not Java's decoder, which turns an
     * encoded surrogate ({@code ED A0 80}) into one U+FFFD where Rust gives three, nor TeaVM's.
     */
    public static String decodeLossy(byte[] bytes) {
        char[] chars = new char[bytes.length];
        return new String(chars, 0, decodeInto(bytes, 0, bytes.length, true, chars));
    }

    /**
     * One decoder for both: an invalid subpart becomes U+FFFD when lossy, and makes the answer -1 otherwise. Writes
     * the characters into {@code out}, which must hold {@code to - from} of them (no byte makes more than one char;
     * four make a surrogate pair), and answers how many it wrote. A caller decoding many strings passes the same
     * array each time: under TeaVM every char[] is a typed array, dear to make, and a StringBuilder makes one too.
     */
    static int decodeInto(byte[] bytes, int from, int to, boolean lossy, char[] out) {
        int n = 0;
        int i = from;
        while (i < to) {
            int lead = bytes[i] & 0xFF;
            i++;
            if (lead < 0x80) {
                out[n++] = (char) lead;
                continue;
            }
            int continuations;
            int low = 0x80;
            int high = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                continuations = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                continuations = 2;
                low = lead == 0xE0 ? 0xA0 : low; // no overlong 3-byte forms
                high = lead == 0xED ? 0x9F : high; // no surrogates
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                continuations = 3;
                low = lead == 0xF0 ? 0x90 : low; // no overlong 4-byte forms
                high = lead == 0xF4 ? 0x8F : high; // nothing above U+10FFFF
            } else {
                if (!lossy) return -1;
                out[n++] = '\uFFFD';
                continue;
            }
            int codePoint = lead & (0x3F >> continuations);
            int taken = 0;
            while (taken < continuations && i < to) {
                int b = bytes[i] & 0xFF;
                if (b < low || b > high) {
                    break; // not consumed: it may start the next character
                }
                codePoint = (codePoint << 6) | (b & 0x3F);
                low = 0x80;
                high = 0xBF;
                taken++;
                i++;
            }
            if (taken < continuations) {
                if (!lossy) return -1;
                out[n++] = '\uFFFD';
            } else if (codePoint < 0x10000) {
                out[n++] = (char) codePoint;
            } else {
                out[n++] = (char) (0xD7C0 + (codePoint >> 10));
                out[n++] = (char) (0xDC00 | (codePoint & 0x3FF));
            }
        }
        return n;
    }

    /** Encodes text; each lone surrogate becomes U+FFFD. */
    public static byte[] encode(String text) {
        byte[] out = new byte[utf8Length(text)];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int c = codePointAt(text, i);
            if (c >= 0x10000) {
                i++;
            }
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | (c >> 6));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (c < 0x10000) {
                out[n++] = (byte) (0xE0 | (c >> 12));
                out[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            } else {
                out[n++] = (byte) (0xF0 | (c >> 18));
                out[n++] = (byte) (0x80 | ((c >> 12) & 0x3F));
                out[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return out;
    }

    /**
     * The text as it reads once encoded: each lone surrogate U+FFFD, as {@link #encode} writes it; the
     * text itself when it has none.
     */
    public static String wellFormed(String text) {
        int i = 0;
        while (i < text.length() && !Character.isSurrogate(text.charAt(i))) i++;
        if (i == text.length()) return text;
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, i);
        for (; i < text.length(); i++) {
            int c = codePointAt(text, i);
            if (c >= 0x10000) i++;
            appendCodePoint(out, c);
        }
        return out.toString();
    }

    /**
     * The code point at index i: a supplementary one for a surrogate pair, U+FFFD for a lone
     * surrogate, otherwise the char itself.
     */
    static int codePointAt(String text, int i) {
        char c = text.charAt(i);
        if (c < 0xD800 || c > 0xDFFF) {
            return c;
        }
        if (c <= 0xDBFF && i + 1 < text.length()) {
            char next = text.charAt(i + 1);
            if (next >= 0xDC00 && next <= 0xDFFF) {
                return ((c - 0xD800) << 10) + (next - 0xDC00) + 0x10000;
            }
        }
        return 0xFFFD;
    }

    static void appendCodePoint(StringBuilder out, int codePoint) {
        if (codePoint < 0x10000) {
            out.append((char) codePoint);
        } else {
            out.append((char) (0xD7C0 + (codePoint >> 10)));
            out.append((char) (0xDC00 | (codePoint & 0x3FF)));
        }
    }

    private static int utf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            int c = codePointAt(text, i);
            if (c >= 0x10000) {
                i++;
                length += 4;
            } else {
                length += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        return length;
    }
}
