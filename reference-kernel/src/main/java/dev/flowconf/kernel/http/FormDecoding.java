package dev.flowconf.kernel.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * application/x-www-form-urlencoded parsing as upstream's serde_urlencoded does it: `&`-separated
 * pairs, `+` is a space, `%XX` a byte, a malformed escape stays as written, bytes are UTF-8
 * (each maximal invalid sequence becomes one U+FFFD, as Rust's `from_utf8_lossy` does), a key without `=` has
 * the empty value, empty pieces are skipped.
 */
final class FormDecoding {
    private FormDecoding() {}

    /** Name/value pairs in order: even indexes names, odd indexes values. */
    static List<String> pairs(String query) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) end = query.length();
            if (end > start) {
                String piece = query.substring(start, end);
                int eq = piece.indexOf('=');
                out.add(decode(eq < 0 ? piece : piece.substring(0, eq)));
                out.add(eq < 0 ? "" : decode(piece.substring(eq + 1)));
            }
            start = end + 1;
        }
        return out;
    }

    static String decode(String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                out.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return utf8Lossy(out.toByteArray());
    }

    /**
     * Rust's `String::from_utf8_lossy`: one U+FFFD per maximal invalid subpart (a lead byte and the continuation
     * bytes valid after it), as the WHATWG decoder does too. Not Java's decoder, which turns an encoded surrogate
     * (`ED A0 80`) into one U+FFFD where Rust gives three, and not the platform's either (TeaVM has its own).
     */
    static String utf8Lossy(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i] & 0xFF;
            i++;
            if (lead < 0x80) {
                out.append((char) lead);
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
                out.append('\uFFFD');
                continue;
            }
            int codePoint = lead & (0x3F >> continuations);
            int taken = 0;
            while (taken < continuations && i < bytes.length) {
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
                out.append('\uFFFD');
            } else if (codePoint < 0x10000) {
                out.append((char) codePoint);
            } else {
                out.append((char) (0xD7C0 + (codePoint >> 10))).append((char) (0xDC00 | (codePoint & 0x3FF)));
            }
        }
        return out.toString();
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') return b - '0';
        if (b >= 'a' && b <= 'f') return b - 'a' + 10;
        if (b >= 'A' && b <= 'F') return b - 'A' + 10;
        return -1;
    }
}
