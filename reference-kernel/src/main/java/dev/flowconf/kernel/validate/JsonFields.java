package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.json.JsonNumber;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonValue;

/**
 * Null-tolerant reads of loosely typed IR fields, with serde_json's accessor semantics: a field
 * that is absent, JSON null, or of another type reads as null.
 */
final class JsonFields {
    private JsonFields() {}

    /** {@code value.get(key)} when value is an object, else null. */
    static JsonValue get(JsonValue value, String key) {
        return value != null && value.isObject() ? value.asObject().get(key) : null;
    }

    static JsonObject object(JsonValue value) {
        return value != null && value.isObject() ? value.asObject() : null;
    }

    static String string(JsonValue value) {
        return value != null && value.isString() ? value.asString().value() : null;
    }

    /**
     * Like serde_json's {@code as_u64}: only a non-negative integer counts ({@code 1.0} and
     * {@code -1} do not). The long holds the u64 bits, so values ≥ 2^63 come back negative.
     */
    static Long u64(JsonValue value) {
        if (value == null || !value.isNumber() || value.asNumber().kind() != JsonNumber.Kind.U64) return null;
        return value.asNumber().longBits();
    }

    /** Whether u64 bits are at least a (small, non-negative) bound, reading them unsigned. */
    static boolean atLeast(long u64Bits, long bound) {
        return u64Bits < 0 || u64Bits >= bound;
    }

    /** serde's {@code Option<T>}: a field is present when it exists and is not JSON null. */
    static boolean present(JsonValue value) {
        return value != null && !value.isNull();
    }
}
