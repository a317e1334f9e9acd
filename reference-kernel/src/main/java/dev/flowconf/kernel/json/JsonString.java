package dev.flowconf.kernel.json;

import java.util.Objects;

/**
 * A JSON string. The Java text may contain lone surrogates, which Rust strings cannot; the
 * writer emits each one as U+FFFD (what Rust's {@code String::from_utf16_lossy} would give).
 */
public final class JsonString extends JsonValue {
    private final String value;

    private JsonString(String value) {
        this.value = value;
    }

    public static JsonString of(String value) {
        return new JsonString(Objects.requireNonNull(value, "value"));
    }

    public String value() {
        return value;
    }

    @Override
    public boolean isString() {
        return true;
    }

    @Override
    public JsonString asString() {
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonString && ((JsonString) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
