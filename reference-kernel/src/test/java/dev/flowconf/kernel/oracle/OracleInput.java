package dev.flowconf.kernel.oracle;

import dev.flowconf.kernel.json.TestBytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One input of a differential corpus: the bytes, and where they come from (a file and field, or a generator). */
final class OracleInput {
    final String origin;
    final byte[] bytes;

    OracleInput(String origin, byte[] bytes) {
        this.origin = origin;
        this.bytes = bytes;
    }

    static OracleInput text(String origin, String text) {
        return new OracleInput(origin, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The bytes, escaped so that every byte is visible: printable ASCII as it is, anything else (and {@code <})
     * as {@code <XX>}; of more than {@code max} bytes only the first two thirds and the last third are shown.
     */
    static String show(byte[] bytes, int max) {
        if (bytes.length <= max) {
            return render(bytes, 0, bytes.length);
        }
        int head = 2 * max / 3;
        int tail = max / 3;
        return render(bytes, 0, head) + " ... (" + bytes.length + " bytes in all) ... "
                + render(bytes, bytes.length - tail, bytes.length);
    }

    private static String render(byte[] bytes, int from, int to) {
        return TestBytes.show(Arrays.copyOfRange(bytes, from, to)); // the kernel tests' own byte notation
    }

    /** A Java string (an answer) with controls and non-ASCII as backslash-u escapes, cut like {@link #show}. */
    static String showText(String text, int max) {
        if (text.length() <= max) {
            return render(text, 0, text.length());
        }
        int head = 2 * max / 3;
        int tail = max / 3;
        return render(text, 0, head) + " ... (" + text.length() + " chars in all) ... "
                + render(text, text.length() - tail, text.length());
    }

    private static String render(String text, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.toString();
    }
}
