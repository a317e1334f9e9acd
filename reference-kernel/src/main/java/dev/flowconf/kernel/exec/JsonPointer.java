package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.json.JsonValue;

/** RFC 6901 JSON Pointer lookup, as the routing surfaces apply it to a node's output. */
final class JsonPointer {
    private JsonPointer() {}

    /** The value the pointer names, or null when it does not resolve. */
    static JsonValue resolve(JsonValue root, String pointer) {
        if (pointer.isEmpty()) return root;
        if (pointer.charAt(0) != '/') return null;
        JsonValue current = root;
        int start = 1;
        while (true) {
            int end = pointer.indexOf('/', start);
            String token = unescape(pointer.substring(start, end < 0 ? pointer.length() : end));
            current = step(current, token);
            if (current == null || end < 0) return current;
            start = end + 1;
        }
    }

    private static JsonValue step(JsonValue value, String token) {
        if (value.isObject()) return value.asObject().get(token);
        if (value.isArray()) {
            int index = arrayIndex(token);
            return index >= 0 && index < value.asArray().size() ? value.asArray().get(index) : null;
        }
        return null;
    }

    /** A decimal index without leading zeros, or -1. */
    private static int arrayIndex(String token) {
        if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')) return -1;
        int n = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static String unescape(String token) {
        if (token.indexOf('~') < 0) return token;
        return token.replace("~1", "/").replace("~0", "~");
    }
}
