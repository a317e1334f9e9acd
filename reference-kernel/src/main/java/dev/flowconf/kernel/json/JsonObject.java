package dev.flowconf.kernel.json;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A JSON object: serde_json's {@code BTreeMap<String, Value>} (no {@code preserve_order}), so keys
 * are unique and always iterate in code-point order, whatever order they were put in.
 *
 * <p>Two arrays sorted by key, not a TreeMap: an object is built once and then only read, and on the Workers host
 * every tree entry, every iterator over one and every map view was an allocation (a tenth of an S1 request's
 * garbage, and of an SSE frame's). Lookups search the keys by halves.
 */
public final class JsonObject extends JsonValue {
    private static final String[] NO_KEYS = new String[0];
    private static final JsonValue[] NO_VALUES = new JsonValue[0];
    private static final JsonObject EMPTY = new JsonObject(NO_KEYS, NO_VALUES, 0);

    /** The first size are unique, in code-point order; values[i] belongs to keys[i]; the rest is room. */
    private final String[] keys;
    private final JsonValue[] values;
    private final int size;

    /** Takes the builder's arrays as they are: trimming them would be two more allocations per object. */
    private JsonObject(String[] keys, JsonValue[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    public static JsonObject empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value for key, or null when absent. */
    public JsonValue get(String key) {
        int i = indexOf(keys, size, key);
        return i < 0 ? null : values[i];
    }

    public boolean has(String key) {
        return indexOf(keys, size, key) >= 0;
    }

    public int size() {
        return size;
    }

    /** The keys in code-point order (unmodifiable). */
    public List<String> keys() {
        return Collections.unmodifiableList(Arrays.asList(keys).subList(0, size));
    }

    /** A copy with key set to value. */
    public JsonObject with(String key, JsonValue value) {
        return toBuilder().put(key, value).build();
    }

    /** A copy without key (this object itself when key is absent). */
    public JsonObject without(String key) {
        int i = indexOf(keys, size, key);
        if (i < 0) {
            return this;
        }
        String[] k = new String[size - 1];
        JsonValue[] v = new JsonValue[size - 1];
        System.arraycopy(keys, 0, k, 0, i);
        System.arraycopy(keys, i + 1, k, i, size - i - 1);
        System.arraycopy(values, 0, v, 0, i);
        System.arraycopy(values, i + 1, v, i, size - i - 1);
        return new JsonObject(k, v, size - 1);
    }

    /** The i-th key in code-point order, for the writer. */
    String keyAt(int i) {
        return keys[i];
    }

    /** The value of {@link #keyAt(int)}. */
    JsonValue valueAt(int i) {
        return values[i];
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        for (int i = 0; i < size; i++) b.put(keys[i], values[i]);
        return b;
    }

    /** The index of key among the first n sorted keys, or a negative number when absent. */
    private static int indexOf(String[] keys, int n, String key) {
        int low = 0;
        int high = n - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = CodePointOrder.INSTANCE.compare(keys[mid], key);
            if (c < 0) low = mid + 1;
            else if (c > 0) high = mid - 1;
            else return mid;
        }
        return -(low + 1);
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
        if (!(other instanceof JsonObject) || ((JsonObject) other).size != size) return false;
        JsonObject that = (JsonObject) other;
        for (int i = 0; i < size; i++) {
            if (!keys[i].equals(that.keys[i]) || !values[i].equals(that.values[i])) return false;
        }
        return true;
    }

    /** As a {@code java.util.Map} of the same entries would hash. */
    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < size; i++) h += keys[i].hashCode() ^ values[i].hashCode();
        return h;
    }

    /**
     * Collects entries; a later put of the same key replaces the value (serde keeps the last). Appends, and sorts
     * once at build() when the keys did not come in order: a body of 100 000 keys in any order costs n log n, never
     * a shift per key.
     */
    public static final class Builder {
        private String[] keys = NO_KEYS;
        private JsonValue[] values = NO_VALUES;
        private int size;
        /** The keys so far are strictly ascending (so also unique): build() needs no sort. */
        private boolean sorted = true;
        /** build() hands its arrays to the object; a later put copies them first (most builders build once). */
        private boolean shared;

        private Builder() {
        }

        public Builder put(String key, JsonValue value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (shared) {
                keys = keys.clone();
                values = values.clone();
                shared = false;
            }
            if (size == keys.length) grow();
            if (sorted && size > 0 && CodePointOrder.INSTANCE.compare(keys[size - 1], key) >= 0) sorted = false;
            keys[size] = key;
            values[size] = value;
            size++;
            return this;
        }

        /**
         * new and arraycopy, not Arrays.copyOf: under TeaVM that looks the array's component type up by reflection
         * on every call, and every object built takes this path at least once.
         */
        private void grow() {
            int capacity = Math.max(2, size * 2);
            String[] k = new String[capacity];
            JsonValue[] v = new JsonValue[capacity];
            System.arraycopy(keys, 0, k, 0, size);
            System.arraycopy(values, 0, v, 0, size);
            keys = k;
            values = v;
        }

        public JsonObject build() {
            if (size == 0) return EMPTY;
            if (!sorted) sortKeepingTheLastOfEachKey();
            shared = true;
            return new JsonObject(keys, values, size);
        }

        /** A stable sort by key, so that of equal keys the last put comes last and is the one kept. */
        private void sortKeepingTheLastOfEachKey() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) order[i] = i;
            String[] k = keys;
            Arrays.sort(order, (x, y) -> CodePointOrder.INSTANCE.compare(k[x], k[y]));
            String[] sortedKeys = new String[size];
            JsonValue[] sortedValues = new JsonValue[size];
            int n = 0;
            for (int i = 0; i < size; i++) {
                int at = order[i];
                if (n > 0 && sortedKeys[n - 1].equals(keys[at])) {
                    sortedValues[n - 1] = values[at]; // a later put of the same key
                } else {
                    sortedKeys[n] = keys[at];
                    sortedValues[n] = values[at];
                    n++;
                }
            }
            keys = sortedKeys;
            values = sortedValues;
            size = n;
            sorted = true;
        }
    }
}
