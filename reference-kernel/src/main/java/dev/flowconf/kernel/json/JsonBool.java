package dev.flowconf.kernel.json;

/** JSON {@code true} or {@code false}. */
public final class JsonBool extends JsonValue {
    public static final JsonBool TRUE = new JsonBool(true);
    public static final JsonBool FALSE = new JsonBool(false);

    private final boolean value;

    private JsonBool(boolean value) {
        this.value = value;
    }

    public static JsonBool of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public boolean value() {
        return value;
    }

    @Override
    public boolean isBoolean() {
        return true;
    }

    @Override
    public boolean asBoolean() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonBool && ((JsonBool) other).value == value;
    }

    @Override
    public int hashCode() {
        return value ? 1231 : 1237;
    }
}
