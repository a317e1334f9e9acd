package dev.flowconf.kernel.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A JSON array; items keep their order. */
public final class JsonArray extends JsonValue {
    private final List<JsonValue> items;

    private JsonArray(List<JsonValue> items) {
        this.items = items;
    }

    /** Copies the list; null items are rejected (use {@link JsonNull#INSTANCE}). */
    public static JsonArray of(List<JsonValue> items) {
        List<JsonValue> copy = new ArrayList<>(items.size());
        for (JsonValue item : items) {
            copy.add(Objects.requireNonNull(item, "array item"));
        }
        return new JsonArray(Collections.unmodifiableList(copy));
    }

    /** Unmodifiable. */
    public List<JsonValue> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    public JsonValue get(int index) {
        return items.get(index);
    }

    @Override
    public boolean isArray() {
        return true;
    }

    @Override
    public JsonArray asArray() {
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonArray && ((JsonArray) other).items.equals(items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }
}
