package dev.flowconf.kernel.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Test inputs written as text where {@code <XX>} stands for the raw byte 0xXX (so invalid UTF-8,
 * control bytes and line breaks stay visible in test names); everything else is UTF-8 encoded.
 */
public final class TestBytes {
    private TestBytes() {
    }

    static byte[] of(String notation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < notation.length()) {
            if (notation.startsWith("<", i) && i + 3 < notation.length() && notation.charAt(i + 3) == '>'
                    && isHex(notation.charAt(i + 1)) && isHex(notation.charAt(i + 2))) {
                out.write(Integer.parseInt(notation.substring(i + 1, i + 3), 16));
                i += 4;
            } else {
                int end = i + Character.charCount(notation.codePointAt(i));
                // write(b, 0, n), not writeBytes(b) (Java 11): TeaVM's classlib lacks it and these tests also run
                // compiled by TeaVM (see dev.flowconf.kernel.teavm.TeaVmSuiteBuilder).
                byte[] utf8 = notation.substring(i, end).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
                i = end;
            }
        }
        return out.toByteArray();
    }

    /** Renders bytes back in the notation: printable ASCII as is, everything else as {@code <XX>}. */
    public static String show(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '<') {
                out.append((char) c);
            } else {
                out.append('<').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16))).append('>');
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
