package dev.flowconf.kernel.json;


/**
 * Compact JSON as serde_json's {@code to_vec}/{@code to_string} writes a {@code Value}: no
 * whitespace, object keys in code-point order, ryu floats, and only {@code "}, {@code \} and
 * U+0000-U+001F escaped (non-ASCII, DEL and {@code /} are written as they are).
 *
 * <p>A lone surrogate in a Java string is written as U+FFFD, because UTF-8 cannot carry it.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {
    }

    public static byte[] toBytes(JsonValue value) {
        return Utf8.encode(toJson(value));
    }

    public static String toJson(JsonValue value) {
        return appendTo(new StringBuilder(64), value).toString();
    }

    /**
     * Appends the value's JSON to {@code out}: a caller framing it (an SSE {@code data:} line) builds one string, not
     * two. Room for 64 characters up front spares the growing copies of a short answer (16 is the default).
     */
    public static StringBuilder appendTo(StringBuilder out, JsonValue value) {
        write(value, out);
        return out;
    }

    private static void write(JsonValue value, StringBuilder out) {
        if (value.isNull()) {
            out.append("null");
        } else if (value.isBoolean()) {
            out.append(value.asBoolean() ? "true" : "false");
        } else if (value.isNumber()) {
            writeNumber(value.asNumber(), out);
        } else if (value.isString()) {
            writeString(value.asString().value(), out);
        } else if (value.isArray()) {
            out.append('[');
            boolean first = true;
            for (JsonValue item : value.asArray().items()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else {
            out.append('{');
            boolean first = true;
            JsonObject object = value.asObject();
            for (int i = 0; i < object.size(); i++) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(object.keyAt(i), out);
                out.append(':');
                write(object.valueAt(i), out);
            }
            out.append('}');
        }
    }

    private static void writeNumber(JsonNumber number, StringBuilder out) {
        if (number.kind() == JsonNumber.Kind.F64) {
            out.append(JsonNumbers.formatF64(number.doubleValue()));
        } else {
            long bits = number.longBits();
            boolean unsigned = number.kind() == JsonNumber.Kind.U64; // negative bits: 2^63 and above
            // Most integers fit an int, which TeaVM formats as a JS number; a long is a BigInt, divided digit by digit.
            if (bits <= Integer.MAX_VALUE && bits >= (unsigned ? 0 : Integer.MIN_VALUE)) {
                out.append((int) bits);
            } else if (unsigned) {
                out.append(JsonNumbers.formatU64(bits));
            } else {
                out.append(bits);
            }
        }
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                appendControl(c, out);
            } else if (c >= 0xD800 && c <= 0xDFFF) {
                int codePoint = Utf8.codePointAt(text, i);
                Utf8.appendCodePoint(out, codePoint);
                if (codePoint >= 0x10000) {
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static void appendControl(char c, StringBuilder out) {
        switch (c) {
            case '\b':
                out.append("\\b");
                break;
            case '\t':
                out.append("\\t");
                break;
            case '\n':
                out.append("\\n");
                break;
            case '\f':
                out.append("\\f");
                break;
            case '\r':
                out.append("\\r");
                break;
            default:
                out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
    }
}
