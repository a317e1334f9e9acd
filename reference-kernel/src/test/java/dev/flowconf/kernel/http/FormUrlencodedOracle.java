package dev.flowconf.kernel.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The application/x-www-form-urlencoded parser of the WHATWG URL standard (what Rust's form_urlencoded, used by
 * serde_urlencoded and url's query_pairs, implements), written here from the standard as a test oracle:
 * split the bytes on `&`, skip empty pieces, split each at its first `=`, `+` to space, percent-decode (a `%`
 * without two hex digits stays), then UTF-8 decode with U+FFFD for each maximal invalid subpart (the Encoding
 * standard's decoder, which Rust's String::from_utf8_lossy follows too).
 */
final class FormUrlencodedOracle {
    private FormUrlencodedOracle() {
    }

    /** Names and values in order: even indexes names, odd indexes values. */
    static List<String> pairs(String query) {
        byte[] input = query.getBytes(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= input.length; i++) {
            if (i == input.length || input[i] == '&') {
                if (i > start) {
                    int eq = start;
                    while (eq < i && input[eq] != '=') {
                        eq++;
                    }
                    out.add(decode(input, start, eq));
                    out.add(eq < i ? decode(input, eq + 1, i) : "");
                }
                start = i + 1;
            }
        }
        return out;
    }

    private static String decode(byte[] input, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = from; i < to; i++) {
            int b = input[i] == '+' ? ' ' : input[i] & 0xFF;
            if (b == '%' && i + 2 < to && isHex(input[i + 1]) && isHex(input[i + 2])) {
                b = Integer.parseInt(new String(input, i + 1, 2, StandardCharsets.US_ASCII), 16);
                i += 2;
            }
            bytes.write(b);
        }
        return utf8DecodeWithReplacement(bytes.toByteArray());
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    /** The Encoding standard's UTF-8 decoder, error mode "replacement", step for step. */
    static String utf8DecodeWithReplacement(byte[] input) {
        StringBuilder out = new StringBuilder();
        int codePoint = 0;
        int bytesSeen = 0;
        int bytesNeeded = 0;
        int lower = 0x80;
        int upper = 0xBF;
        int i = 0;
        while (i < input.length) {
            int b = input[i] & 0xFF;
            if (bytesNeeded == 0) {
                if (b <= 0x7F) {
                    out.append((char) b);
                } else if (b >= 0xC2 && b <= 0xDF) {
                    bytesNeeded = 1;
                    codePoint = b & 0x1F;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    lower = b == 0xE0 ? 0xA0 : lower;
                    upper = b == 0xED ? 0x9F : upper;
                    bytesNeeded = 2;
                    codePoint = b & 0xF;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    lower = b == 0xF0 ? 0x90 : lower;
                    upper = b == 0xF4 ? 0x8F : upper;
                    bytesNeeded = 3;
                    codePoint = b & 0x7;
                } else {
                    out.append('\uFFFD');
                }
                i++;
                continue;
            }
            if (b < lower || b > upper) {
                // The sequence so far is one error; this byte is looked at again as a possible start.
                codePoint = 0;
                bytesNeeded = 0;
                bytesSeen = 0;
                lower = 0x80;
                upper = 0xBF;
                out.append('\uFFFD');
                continue;
            }
            lower = 0x80;
            upper = 0xBF;
            codePoint = (codePoint << 6) | (b & 0x3F);
            bytesSeen++;
            i++;
            if (bytesSeen == bytesNeeded) {
                out.appendCodePoint(codePoint);
                codePoint = 0;
                bytesNeeded = 0;
                bytesSeen = 0;
            }
        }
        if (bytesNeeded != 0) {
            out.append('\uFFFD');
        }
        return out.toString();
    }
}
