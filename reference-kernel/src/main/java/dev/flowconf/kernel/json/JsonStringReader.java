package dev.flowconf.kernel.json;

/**
 * serde_json's {@code SliceRead::parse_str} with validation: scans left to right (control
 * characters and escape errors are reported where they occur), and checks UTF-8 only once the
 * closing quote is reached, so invalid UTF-8 is reported at that quote.
 */
final class JsonStringReader {
    private static final String EOF_STRING = "EOF while parsing a string";
    private static final String CONTROL_CHARACTER =
            "control character (\\u0000-\\u001F) found while parsing a string";
    private static final String INVALID_UNICODE = "invalid unicode code point";
    private static final String INVALID_ESCAPE = "invalid escape";
    private static final String LONE_LEADING_SURROGATE = "lone leading surrogate in hex escape";
    private static final String UNEXPECTED_END_OF_HEX_ESCAPE = "unexpected end of hex escape";

    private final JsonCursor in;
    /** Bytes of the current string once it has an escape (raw runs plus decoded escapes); made at the first escape. */
    private byte[] scratch;
    private int scratchLength;
    /** The decoded characters of the current string, reused for the next (see Utf8.decodeInto). */
    private char[] chars;

    JsonStringReader(JsonCursor in) {
        this.in = in;
    }

    /** Reads from after the opening quote through the closing quote. */
    String read() throws JsonParseException {
        scratchLength = 0;
        boolean escaped = false;
        int start = in.index;
        while (true) {
            if (in.atEnd()) {
                throw in.error(EOF_STRING);
            }
            int b = in.peek();
            if (b == '"') {
                if (escaped) {
                    appendRaw(start, in.index);
                }
                String text = escaped ? decode(scratch, 0, scratchLength) : decode(in.input, start, in.index);
                in.index++;
                if (text == null) {
                    throw in.error(INVALID_UNICODE);
                }
                return text;
            }
            in.index++;
            if (b == '\\') {
                appendRaw(start, in.index - 1);
                escape();
                escaped = true;
                start = in.index;
            } else if (b < 0x20) {
                throw in.error(CONTROL_CHARACTER);
            }
        }
    }

    private void escape() throws JsonParseException {
        if (in.atEnd()) {
            throw in.error(EOF_STRING);
        }
        int c = in.next();
        switch (c) {
            case '"':
            case '\\':
            case '/':
                push(c);
                break;
            case 'b':
                push('\b');
                break;
            case 'f':
                push('\f');
                break;
            case 'n':
                push('\n');
                break;
            case 'r':
                push('\r');
                break;
            case 't':
                push('\t');
                break;
            case 'u':
                unicodeEscape();
                break;
            default:
                throw in.error(INVALID_ESCAPE);
        }
    }

    private void unicodeEscape() throws JsonParseException {
        int unit = hexEscape();
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
            throw in.error(LONE_LEADING_SURROGATE); // serde's name, though this is a trailing one
        }
        if (unit < 0xD800 || unit > 0xDBFF) {
            pushCodePoint(unit);
            return;
        }
        // A leading surrogate must be followed at once by an escaped trailing one.
        consumeAfterLeadingSurrogate('\\');
        consumeAfterLeadingSurrogate('u');
        int trailing = hexEscape();
        if (trailing < 0xDC00 || trailing > 0xDFFF) {
            throw in.error(LONE_LEADING_SURROGATE);
        }
        pushCodePoint(((unit - 0xD800) << 10) + (trailing - 0xDC00) + 0x10000);
    }

    /** serde consumes the byte even when it is not the expected one. */
    private void consumeAfterLeadingSurrogate(char expected) throws JsonParseException {
        if (in.atEnd()) {
            throw in.error(EOF_STRING);
        }
        if (in.next() != expected) {
            throw in.error(UNEXPECTED_END_OF_HEX_ESCAPE);
        }
    }

    /** Four hex digits, all consumed before any of them is judged. */
    private int hexEscape() throws JsonParseException {
        if (in.input.length - in.index < 4) {
            in.index = in.input.length;
            throw in.error(EOF_STRING);
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = hexValue(in.next());
            value = digit < 0 || value < 0 ? -1 : (value << 4) | digit;
        }
        if (value < 0) {
            throw in.error(INVALID_ESCAPE);
        }
        return value;
    }

    private static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private void pushCodePoint(int codePoint) {
        if (codePoint < 0x80) {
            push(codePoint);
        } else if (codePoint < 0x800) {
            push(0xC0 | (codePoint >> 6));
            push(0x80 | (codePoint & 0x3F));
        } else if (codePoint < 0x10000) {
            push(0xE0 | (codePoint >> 12));
            push(0x80 | ((codePoint >> 6) & 0x3F));
            push(0x80 | (codePoint & 0x3F));
        } else {
            push(0xF0 | (codePoint >> 18));
            push(0x80 | ((codePoint >> 12) & 0x3F));
            push(0x80 | ((codePoint >> 6) & 0x3F));
            push(0x80 | (codePoint & 0x3F));
        }
    }

    /** bytes[from..to) as text, or null if they are not valid UTF-8. */
    private String decode(byte[] bytes, int from, int to) {
        if (from == to) return "";
        if (chars == null || chars.length < to - from) chars = new char[Math.max(to - from, 32)];
        int length = Utf8.decodeInto(bytes, from, to, false, chars);
        return length < 0 ? null : new String(chars, 0, length);
    }

    private void push(int b) {
        ensureRoom(1);
        scratch[scratchLength++] = (byte) b;
    }

    private void appendRaw(int from, int to) {
        ensureRoom(to - from);
        System.arraycopy(in.input, from, scratch, scratchLength, to - from);
        scratchLength += to - from;
    }

    private void ensureRoom(int extra) {
        if (scratch == null) scratch = new byte[Math.max(64, extra)];
        if (scratchLength + extra > scratch.length) {
            byte[] grown = new byte[Math.max(scratch.length * 2, scratchLength + extra)];
            System.arraycopy(scratch, 0, grown, 0, scratchLength);
            scratch = grown;
        }
    }
}
