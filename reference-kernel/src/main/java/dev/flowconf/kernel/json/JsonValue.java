package dev.flowconf.kernel.json;

/**
 * An immutable JSON value with the semantics of serde_json's {@code Value} (default features):
 * numbers are u64, i64 or f64; objects are sorted by key in code-point order. Jackson does not
 * compile under TeaVM, so the kernel carries its own model, parser and writer.
 *
 * <p>{@link #toString()} is the compact JSON text serde_json's {@code to_string} would produce.
 */
public abstract class JsonValue {
    JsonValue() {
    }

    public boolean isNull() {
        return false;
    }

    public boolean isBoolean() {
        return false;
    }

    public boolean isNumber() {
        return false;
    }

    public boolean isString() {
        return false;
    }

    public boolean isArray() {
        return false;
    }

    public boolean isObject() {
        return false;
    }

    public JsonObject asObject() {
        throw wrongKind("an object");
    }

    public JsonArray asArray() {
        throw wrongKind("an array");
    }

    public JsonString asString() {
        throw wrongKind("a string");
    }

    public JsonNumber asNumber() {
        throw wrongKind("a number");
    }

    public boolean asBoolean() {
        throw wrongKind("a boolean");
    }

    @Override
    public abstract boolean equals(Object other);

    @Override
    public abstract int hashCode();

    @Override
    public final String toString() {
        return JsonWriter.toJson(this);
    }

    private IllegalStateException wrongKind(String expected) {
        return new IllegalStateException("expected " + expected + ", got " + kind());
    }

    private String kind() {
        if (isNull()) {
            return "null";
        }
        if (isBoolean()) {
            return "a boolean";
        }
        if (isNumber()) {
            return "a number";
        }
        if (isString()) {
            return "a string";
        }
        return isArray() ? "an array" : "an object";
    }
}
