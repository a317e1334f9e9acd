package dev.flowconf.kernel.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A JSON object: serde_json's {@code BTreeMap<String, Value>} (no {@code preserve_order}), so keys
 * are unique and always iterate in code-point order, whatever order they were put in.
 */
public final class JsonObject extends JsonValue {
    private static final JsonObject EMPTY = new JsonObject(sortedCopy(Collections.emptyMap()));

    private final TreeMap<String, JsonValue> entries;

    private JsonObject(TreeMap<String, JsonValue> entries) {
        this.entries = entries;
    }

    public static JsonObject empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value for key, or null when absent. */
    public JsonValue get(String key) {
        return entries.get(key);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public int size() {
        return entries.size();
    }

    /** The keys in code-point order (unmodifiable). */
    public List<String> keys() {
        return Collections.unmodifiableList(new ArrayList<>(entries.keySet()));
    }

    /** A copy with key set to value. */
    public JsonObject with(String key, JsonValue value) {
        TreeMap<String, JsonValue> copy = sortedCopy(entries);
        copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new JsonObject(copy);
    }

    /** A copy without key (this object itself when key is absent). */
    public JsonObject without(String key) {
        if (!entries.containsKey(key)) {
            return this;
        }
        TreeMap<String, JsonValue> copy = sortedCopy(entries);
        copy.remove(key);
        return new JsonObject(copy);
    }

    private static TreeMap<String, JsonValue> sortedCopy(Map<String, JsonValue> source) {
        TreeMap<String, JsonValue> copy = new TreeMap<>(CodePointOrder.INSTANCE);
        copy.putAll(source);
        return copy;
    }

    /** Read-only view in key order, for the writer. */
    Map<String, JsonValue> entries() {
        return Collections.unmodifiableMap(entries);
    }

    @Override
    public boolean isObject() {
        return true;
    }

    @Override
    public JsonObject asObject() {
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonObject && ((JsonObject) other).entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /** Collects entries; a later put of the same key replaces the value (serde keeps the last). */
    public static final class Builder {
        private TreeMap<String, JsonValue> entries = sortedCopy(Collections.emptyMap());
        /** build() hands its map to the object; a later put copies it first (most builders build once). */
        private boolean shared;

        private Builder() {
        }

        public Builder put(String key, JsonValue value) {
            if (shared) {
                entries = sortedCopy(entries);
                shared = false;
            }
            entries.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public JsonObject build() {
            shared = true;
            return new JsonObject(entries);
        }
    }
}
