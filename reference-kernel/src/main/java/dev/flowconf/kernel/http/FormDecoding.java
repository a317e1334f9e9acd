package dev.flowconf.kernel.http;

import dev.flowconf.kernel.json.Utf8;
import java.io.ByteArrayOutputStream;
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
        // The kernel's encoder, not getBytes(UTF_8): that one would pull TeaVM's charset classes into the Workers
        // module for this line alone. (It writes a lone surrogate as U+FFFD, where getBytes writes '?'; a query that
        // reaches a host is percent-encoded ASCII or decoded UTF-8, and holds none.)
        byte[] raw = Utf8.encode(text);
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
        return Utf8.decodeLossy(out.toByteArray());
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') return b - '0';
        if (b >= 'a' && b <= 'f') return b - 'a' + 10;
        if (b >= 'A' && b <= 'F') return b - 'A' + 10;
        return -1;
    }
}
