package dev.flowconf.kernel.json;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code serde_json::from_slice::<Value>} (1.0.145, default features), including its error texts
 * and positions. The structure mirrors serde's {@code Deserializer} so that each error arises at
 * the same point; numbers and strings are read by {@link JsonNumberReader} and
 * {@link JsonStringReader}.
 */
public final class JsonParser {
    private static final int RECURSION_LIMIT = 128;

    private static final String EOF_LIST = "EOF while parsing a list";
    private static final String EOF_OBJECT = "EOF while parsing an object";
    private static final String EOF_VALUE = JsonNumberReader.EOF_VALUE;
    private static final String EXPECTED_COLON = "expected `:`";
    private static final String EXPECTED_LIST_COMMA_OR_END = "expected `,` or `]`";
    private static final String EXPECTED_OBJECT_COMMA_OR_END = "expected `,` or `}`";
    private static final String EXPECTED_IDENT = "expected ident";
    private static final String EXPECTED_VALUE = "expected value";
    private static final String KEY_MUST_BE_A_STRING = "key must be a string";
    private static final String TRAILING_COMMA = "trailing comma";
    private static final String TRAILING_CHARACTERS = "trailing characters";
    private static final String RECURSION_LIMIT_EXCEEDED = "recursion limit exceeded";

    private final JsonCursor in;
    private final JsonNumberReader numbers;
    private final JsonStringReader strings;
    private int remainingDepth = RECURSION_LIMIT;

    private JsonParser(byte[] input) {
        in = new JsonCursor(input);
        numbers = new JsonNumberReader(in);
        strings = new JsonStringReader(in);
    }

    /** Parses one JSON document from UTF-8 bytes, as serde_json's {@code from_slice}. */
    public static JsonValue parse(byte[] utf8) throws JsonParseException {
        JsonParser parser = new JsonParser(utf8);
        JsonValue value = parser.value();
        if (parser.in.skipWhitespace() >= 0) {
            throw parser.in.peekError(TRAILING_CHARACTERS);
        }
        return value;
    }

    /** UTF-8 encodes text (a lone surrogate becomes U+FFFD) and parses it. */
    public static JsonValue parse(String text) throws JsonParseException {
        return parse(Utf8.encode(text));
    }

    private JsonValue value() throws JsonParseException {
        int peek = in.skipWhitespace();
        switch (peek) {
            case -1:
                throw in.peekError(EOF_VALUE);
            case 'n':
                ident("null");
                return JsonNull.INSTANCE;
            case 't':
                ident("true");
                return JsonBool.TRUE;
            case 'f':
                ident("false");
                return JsonBool.FALSE;
            case '-':
                in.index++;
                return numbers.read(false);
            case '"':
                in.index++;
                return JsonString.of(strings.read());
            case '[':
                enterContainer();
                JsonArray array = arrayBody();
                remainingDepth++;
                return array;
            case '{':
                enterContainer();
                JsonObject object = objectBody();
                remainingDepth++;
                return object;
            default:
                if (JsonCursor.isDigit(peek)) {
                    return numbers.read(true);
                }
                throw in.peekError(EXPECTED_VALUE);
        }
    }

    /** serde counts depth down before consuming the opener and fails when it reaches zero. */
    private void enterContainer() throws JsonParseException {
        if (--remainingDepth == 0) {
            throw in.peekError(RECURSION_LIMIT_EXCEEDED);
        }
        in.index++;
    }

    /** Consumes the ident whose first letter was peeked; a mismatch is reported where it is read. */
    private void ident(String word) throws JsonParseException {
        in.index++;
        for (int i = 1; i < word.length(); i++) {
            if (in.atEnd()) {
                throw in.error(EOF_VALUE);
            }
            if (in.next() != word.charAt(i)) {
                throw in.error(EXPECTED_IDENT);
            }
        }
    }

    private JsonArray arrayBody() throws JsonParseException {
        List<JsonValue> items = new ArrayList<>();
        while (true) {
            int peek = in.skipWhitespace();
            if (peek < 0) {
                throw in.peekError(EOF_LIST);
            }
            if (peek == ']') {
                in.index++;
                return JsonArray.of(items);
            }
            if (!items.isEmpty()) {
                if (peek != ',') {
                    throw in.peekError(EXPECTED_LIST_COMMA_OR_END);
                }
                in.index++;
                if (in.skipWhitespace() == ']') {
                    throw in.peekError(TRAILING_COMMA);
                }
            }
            items.add(value());
        }
    }

    private JsonObject objectBody() throws JsonParseException {
        JsonObject.Builder entries = JsonObject.builder();
        boolean first = true;
        while (true) {
            int peek = in.skipWhitespace();
            if (peek == '}') {
                in.index++;
                return entries.build();
            }
            if (peek < 0) {
                throw in.peekError(EOF_OBJECT);
            }
            if (!first) {
                if (peek != ',') {
                    throw in.peekError(EXPECTED_OBJECT_COMMA_OR_END);
                }
                in.index++;
                peek = in.skipWhitespace();
            }
            first = false;
            if (peek != '"') {
                throw in.peekError(peek == '}' ? TRAILING_COMMA : peek < 0 ? EOF_VALUE : KEY_MUST_BE_A_STRING);
            }
            in.index++;
            String key = strings.read();
            colon();
            entries.put(key, value()); // a repeated key replaces the earlier value
        }
    }

    private void colon() throws JsonParseException {
        int peek = in.skipWhitespace();
        if (peek != ':') {
            throw in.peekError(peek < 0 ? EOF_OBJECT : EXPECTED_COLON);
        }
        in.index++;
    }
}
