package dev.flowconf.kernel.json;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code serde_json::from_slice::<Value>} (1.0.145, default features), including its error texts
 * and positions. The structure mirrors serde's {@code Deserializer} so each error arises at the
 * same point: "consumed" errors report the index after the last byte read, "peeked" errors the
 * index after the byte being looked at (capped at the input length).
 */
public final class JsonParser {
    private static final int RECURSION_LIMIT = 128;

    private static final String EOF_LIST = "EOF while parsing a list";
    private static final String EOF_OBJECT = "EOF while parsing an object";
    private static final String EOF_STRING = "EOF while parsing a string";
    private static final String EOF_VALUE = "EOF while parsing a value";
    private static final String EXPECTED_COLON = "expected `:`";
    private static final String EXPECTED_LIST_COMMA_OR_END = "expected `,` or `]`";
    private static final String EXPECTED_OBJECT_COMMA_OR_END = "expected `,` or `}`";
    private static final String EXPECTED_IDENT = "expected ident";
    private static final String EXPECTED_VALUE = "expected value";
    private static final String INVALID_ESCAPE = "invalid escape";
    private static final String INVALID_NUMBER = "invalid number";
    private static final String NUMBER_OUT_OF_RANGE = "number out of range";
    private static final String INVALID_UNICODE = "invalid unicode code point";
    private static final String CONTROL_CHARACTER =
            "control character (\\u0000-\\u001F) found while parsing a string";
    private static final String KEY_MUST_BE_A_STRING = "key must be a string";
    private static final String LONE_LEADING_SURROGATE = "lone leading surrogate in hex escape";
    private static final String TRAILING_COMMA = "trailing comma";
    private static final String TRAILING_CHARACTERS = "trailing characters";
    private static final String UNEXPECTED_END_OF_HEX_ESCAPE = "unexpected end of hex escape";
    private static final String RECURSION_LIMIT_EXCEEDED = "recursion limit exceeded";

    private final byte[] input;
    private int index;
    private int remainingDepth = RECURSION_LIMIT;
    /** Decoded bytes of the string being read, once it has an escape. */
    private byte[] scratch = new byte[64];
    private int scratchLength;

    private JsonParser(byte[] input) {
        this.input = input;
    }

    /** Parses one JSON document from UTF-8 bytes, as serde_json's {@code from_slice}. */
    public static JsonValue parse(byte[] utf8) throws JsonParseException {
        JsonParser parser = new JsonParser(utf8);
        JsonValue value = parser.parseValue();
        if (parser.skipWhitespace() >= 0) {
            throw parser.peekError(TRAILING_CHARACTERS);
        }
        return value;
    }

    /** UTF-8 encodes text (a lone surrogate becomes U+FFFD) and parses it. */
    public static JsonValue parse(String text) throws JsonParseException {
        return parse(Utf8.encode(text));
    }

    private JsonValue parseValue() throws JsonParseException {
        int peek = skipWhitespace();
        switch (peek) {
            case -1:
                throw peekError(EOF_VALUE);
            case 'n':
                index++;
                parseIdent("ull");
                return JsonNull.INSTANCE;
            case 't':
                index++;
                parseIdent("rue");
                return JsonBool.TRUE;
            case 'f':
                index++;
                parseIdent("alse");
                return JsonBool.FALSE;
            case '-':
                index++;
                return parseInteger(false);
            case '"':
                index++;
                return JsonString.of(parseString());
            case '[':
                enterContainer();
                index++;
                JsonArray array = parseArrayBody();
                remainingDepth++;
                return array;
            case '{':
                enterContainer();
                index++;
                JsonObject object = parseObjectBody();
                remainingDepth++;
                return object;
            default:
                if (isDigit(peek)) {
                    return parseInteger(true);
                }
                throw peekError(EXPECTED_VALUE);
        }
    }

    /** serde counts depth down before consuming the opener and fails when it reaches zero. */
    private void enterContainer() throws JsonParseException {
        if (--remainingDepth == 0) {
            throw peekError(RECURSION_LIMIT_EXCEEDED);
        }
    }

    private JsonArray parseArrayBody() throws JsonParseException {
        List<JsonValue> items = new ArrayList<>();
        while (true) {
            int peek = skipWhitespace();
            if (peek < 0) {
                throw peekError(EOF_LIST);
            }
            if (peek == ']') {
                index++;
                return JsonArray.of(items);
            }
            if (!items.isEmpty()) {
                if (peek != ',') {
                    throw peekError(EXPECTED_LIST_COMMA_OR_END);
                }
                index++;
                if (skipWhitespace() == ']') {
                    throw peekError(TRAILING_COMMA);
                }
            }
            items.add(parseValue());
        }
    }

    private JsonObject parseObjectBody() throws JsonParseException {
        JsonObject.Builder entries = JsonObject.builder();
        boolean first = true;
        while (true) {
            int peek = skipWhitespace();
            if (peek == '}') {
                index++;
                return entries.build();
            }
            if (peek < 0) {
                throw peekError(EOF_OBJECT);
            }
            if (!first) {
                if (peek != ',') {
                    throw peekError(EXPECTED_OBJECT_COMMA_OR_END);
                }
                index++;
                peek = skipWhitespace();
            }
            first = false;
            if (peek != '"') {
                throw peekError(peek == '}' ? TRAILING_COMMA : peek < 0 ? EOF_VALUE : KEY_MUST_BE_A_STRING);
            }
            index++;
            String key = parseString();
            parseColon();
            entries.put(key, parseValue());
        }
    }

    private void parseColon() throws JsonParseException {
        int peek = skipWhitespace();
        if (peek == ':') {
            index++;
            return;
        }
        throw peekError(peek < 0 ? EOF_OBJECT : EXPECTED_COLON);
    }

    private void parseIdent(String rest) throws JsonParseException {
        for (int i = 0; i < rest.length(); i++) {
            if (index == input.length) {
                throw error(EOF_VALUE);
            }
            if (input[index++] != rest.charAt(i)) {
                throw error(EXPECTED_IDENT);
            }
        }
    }

    // ---- numbers: serde's parse_integer / parse_number / parse_decimal / parse_exponent ----

    private JsonNumber parseInteger(boolean positive) throws JsonParseException {
        if (index == input.length) {
            throw error(EOF_VALUE);
        }
        int first = input[index++];
        if (first == '0') {
            if (isDigit(peekOrNone())) {
                throw peekError(INVALID_NUMBER); // only one leading zero
            }
            return parseNumber(positive, 0);
        }
        if (!isDigit(first)) {
            throw error(INVALID_NUMBER);
        }
        long significand = first - '0';
        while (true) {
            int c = peekOrNone();
            if (!isDigit(c)) {
                return parseNumber(positive, significand);
            }
            int digit = c - '0';
            if (JsonNumbers.u64TimesTenPlusOverflows(significand, digit)) {
                return f64(parseLongInteger(positive, significand));
            }
            index++;
            significand = significand * 10 + digit;
        }
    }

    private JsonNumber parseNumber(boolean positive, long significand) throws JsonParseException {
        int c = peekOrNone();
        if (c == '.') {
            return f64(parseDecimal(positive, significand, 0));
        }
        if (c == 'e' || c == 'E') {
            return f64(parseExponent(positive, significand, 0));
        }
        if (positive) {
            return JsonNumber.ofU64(significand);
        }
        long negated = -significand;
        if (negated >= 0) {
            // -0 and magnitudes beyond i64 become floats, as in serde.
            return JsonNumber.ofF64(-JsonNumbers.u64ToDouble(significand));
        }
        return JsonNumber.ofI64(negated);
    }

    /** Integer digits past u64 are dropped; each one raises the decimal exponent. */
    private double parseLongInteger(boolean positive, long significand) throws JsonParseException {
        int exponent = 0;
        while (true) {
            int c = peekOrNone();
            if (isDigit(c)) {
                index++;
                exponent++;
            } else if (c == '.') {
                return parseDecimal(positive, significand, exponent);
            } else if (c == 'e' || c == 'E') {
                return parseExponent(positive, significand, exponent);
            } else {
                return fromParts(positive, significand, exponent);
            }
        }
    }

    private double parseDecimal(boolean positive, long significand, int exponentBeforePoint)
            throws JsonParseException {
        index++; // '.'
        int fractionDigits = 0;
        while (true) {
            int c = peekOrNone();
            if (!isDigit(c)) {
                break;
            }
            int digit = c - '0';
            if (JsonNumbers.u64TimesTenPlusOverflows(significand, digit)) {
                return parseDecimalOverflow(positive, significand, exponentBeforePoint - fractionDigits);
            }
            index++;
            significand = significand * 10 + digit;
            fractionDigits++;
        }
        if (fractionDigits == 0) {
            throw peekError(index < input.length ? INVALID_NUMBER : EOF_VALUE);
        }
        int exponent = exponentBeforePoint - fractionDigits;
        int c = peekOrNone();
        if (c == 'e' || c == 'E') {
            return parseExponent(positive, significand, exponent);
        }
        return fromParts(positive, significand, exponent);
    }

    /** Fraction digits past u64 are ignored. */
    private double parseDecimalOverflow(boolean positive, long significand, int exponent)
            throws JsonParseException {
        while (isDigit(peekOrNone())) {
            index++;
        }
        int c = peekOrNone();
        if (c == 'e' || c == 'E') {
            return parseExponent(positive, significand, exponent);
        }
        return fromParts(positive, significand, exponent);
    }

    private double parseExponent(boolean positive, long significand, int startingExponent)
            throws JsonParseException {
        index++; // 'e' or 'E'
        boolean positiveExponent = true;
        int sign = peekOrNone();
        if (sign == '+' || sign == '-') {
            index++;
            positiveExponent = sign == '+';
        }
        if (index == input.length) {
            throw error(EOF_VALUE);
        }
        int first = input[index++];
        if (!isDigit(first)) {
            throw error(INVALID_NUMBER);
        }
        int exponent = first - '0';
        while (isDigit(peekOrNone())) {
            int digit = input[index++] - '0';
            if (exponent > Integer.MAX_VALUE / 10
                    || (exponent == Integer.MAX_VALUE / 10 && digit > Integer.MAX_VALUE % 10)) {
                return parseExponentOverflow(positive, significand == 0, positiveExponent);
            }
            exponent = exponent * 10 + digit;
        }
        long finalExponent = positiveExponent
                ? (long) startingExponent + exponent
                : (long) startingExponent - exponent;
        return fromParts(positive, significand, saturateToInt(finalExponent));
    }

    private double parseExponentOverflow(boolean positive, boolean zeroSignificand, boolean positiveExponent)
            throws JsonParseException {
        if (!zeroSignificand && positiveExponent) {
            throw error(NUMBER_OUT_OF_RANGE); // rather than infinity
        }
        while (isDigit(peekOrNone())) {
            index++;
        }
        return positive ? 0.0 : -0.0;
    }

    private double fromParts(boolean positive, long significand, int exponent) throws JsonParseException {
        double magnitude = DecimalToF64.fromParts(significand, exponent);
        if (Double.isInfinite(magnitude)) {
            throw error(NUMBER_OUT_OF_RANGE);
        }
        return positive ? magnitude : -magnitude;
    }

    private static JsonNumber f64(double value) {
        return JsonNumber.ofF64(value);
    }

    private static int saturateToInt(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    // ---- strings: serde's SliceRead::parse_str with validation ----

    /** Reads after the opening quote, through the closing quote. */
    private String parseString() throws JsonParseException {
        scratchLength = 0;
        boolean escaped = false;
        int start = index;
        while (true) {
            if (index == input.length) {
                throw error(EOF_STRING);
            }
            int b = input[index] & 0xFF;
            if (b == '"') {
                String text;
                if (escaped) {
                    appendScratch(start, index);
                    text = Utf8.decode(scratch, 0, scratchLength);
                } else {
                    text = Utf8.decode(input, start, index);
                }
                index++;
                // UTF-8 is checked only now, so this is reported at the closing quote.
                if (text == null) {
                    throw error(INVALID_UNICODE);
                }
                return text;
            }
            if (b == '\\') {
                appendScratch(start, index);
                index++;
                parseEscape();
                escaped = true;
                start = index;
            } else {
                index++;
                if (b < 0x20) {
                    throw error(CONTROL_CHARACTER);
                }
            }
        }
    }

    private void parseEscape() throws JsonParseException {
        if (index == input.length) {
            throw error(EOF_STRING);
        }
        int c = input[index++];
        switch (c) {
            case '"':
            case '\\':
            case '/':
                pushScratch(c);
                break;
            case 'b':
                pushScratch('\b');
                break;
            case 'f':
                pushScratch('\f');
                break;
            case 'n':
                pushScratch('\n');
                break;
            case 'r':
                pushScratch('\r');
                break;
            case 't':
                pushScratch('\t');
                break;
            case 'u':
                parseUnicodeEscape();
                break;
            default:
                throw error(INVALID_ESCAPE);
        }
    }

    private void parseUnicodeEscape() throws JsonParseException {
        int unit = decodeHexEscape();
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
            throw error(LONE_LEADING_SURROGATE); // serde's name, though this is a trailing one
        }
        if (unit < 0xD800 || unit > 0xDBFF) {
            pushCodePoint(unit);
            return;
        }
        // A leading surrogate must be followed at once by an escaped trailing one.
        consumeAfterLeadingSurrogate('\\');
        consumeAfterLeadingSurrogate('u');
        int trailing = decodeHexEscape();
        if (trailing < 0xDC00 || trailing > 0xDFFF) {
            throw error(LONE_LEADING_SURROGATE);
        }
        pushCodePoint(((unit - 0xD800) << 10) + (trailing - 0xDC00) + 0x10000);
    }

    /** serde consumes the byte even when it is not the expected one. */
    private void consumeAfterLeadingSurrogate(char expected) throws JsonParseException {
        if (index == input.length) {
            throw error(EOF_STRING);
        }
        if (input[index++] != expected) {
            throw error(UNEXPECTED_END_OF_HEX_ESCAPE);
        }
    }

    private int decodeHexEscape() throws JsonParseException {
        if (input.length - index < 4) {
            index = input.length;
            throw error(EOF_STRING);
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = hexValue(input[index + i]);
            value = digit < 0 || value < 0 ? -1 : (value << 4) | digit;
        }
        index += 4;
        if (value < 0) {
            throw error(INVALID_ESCAPE);
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
            pushScratch(codePoint);
        } else if (codePoint < 0x800) {
            pushScratch(0xC0 | (codePoint >> 6));
            pushScratch(0x80 | (codePoint & 0x3F));
        } else if (codePoint < 0x10000) {
            pushScratch(0xE0 | (codePoint >> 12));
            pushScratch(0x80 | ((codePoint >> 6) & 0x3F));
            pushScratch(0x80 | (codePoint & 0x3F));
        } else {
            pushScratch(0xF0 | (codePoint >> 18));
            pushScratch(0x80 | ((codePoint >> 12) & 0x3F));
            pushScratch(0x80 | ((codePoint >> 6) & 0x3F));
            pushScratch(0x80 | (codePoint & 0x3F));
        }
    }

    private void pushScratch(int b) {
        ensureScratch(1);
        scratch[scratchLength++] = (byte) b;
    }

    private void appendScratch(int from, int to) {
        ensureScratch(to - from);
        System.arraycopy(input, from, scratch, scratchLength, to - from);
        scratchLength += to - from;
    }

    private void ensureScratch(int extra) {
        if (scratchLength + extra > scratch.length) {
            byte[] grown = new byte[Math.max(scratch.length * 2, scratchLength + extra)];
            System.arraycopy(scratch, 0, grown, 0, scratchLength);
            scratch = grown;
        }
    }

    // ---- input and positions ----

    /** Skips JSON whitespace (space, TAB, LF, CR only) and returns the next byte, or -1 at EOF. */
    private int skipWhitespace() {
        while (index < input.length) {
            int b = input[index];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b & 0xFF;
            }
            index++;
        }
        return -1;
    }

    private int peekOrNone() {
        return index < input.length ? input[index] & 0xFF : -1;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** An error at the bytes consumed so far. */
    private JsonParseException error(String reason) {
        return errorAt(reason, index);
    }

    /** An error at the byte being looked at. */
    private JsonParseException peekError(String reason) {
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
