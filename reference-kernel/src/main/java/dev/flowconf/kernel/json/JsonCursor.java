package dev.flowconf.kernel.json;

/**
 * The input and read position shared by the parser parts, and serde's two error positions:
 * {@link #error} at the bytes consumed so far, {@link #peekError} at the byte being looked at
 * (one further, capped at the input length).
 */
final class JsonCursor {
    final byte[] input;
    int index;

    JsonCursor(byte[] input) {
        this.input = input;
    }

    boolean atEnd() {
        return index == input.length;
    }

    /** The next byte (0-255) without consuming it, or -1 at EOF. */
    int peek() {
        return index < input.length ? input[index] & 0xFF : -1;
    }

    /** Consumes and returns the next byte (0-255); call only when not at the end. */
    int next() {
        return input[index++] & 0xFF;
    }

    /** Skips JSON whitespace (space, TAB, LF, CR only) and peeks at what follows. */
    int skipWhitespace() {
        int b = peek();
        while (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
            index++;
            b = peek();
        }
        return b;
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    JsonParseException error(String reason) {
        return errorAt(reason, index);
    }

    JsonParseException peekError(String reason) {
        return errorAt(reason, Math.min(input.length, index + 1));
    }

    /** serde's position_of_index: line = 1 + LFs before i, column = bytes since the last LF. */
    private JsonParseException errorAt(String reason, int i) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < i; k++) {
            if (input[k] == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new JsonParseException(reason, line, i - lineStart);
    }
}
