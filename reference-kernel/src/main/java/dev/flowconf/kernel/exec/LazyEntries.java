package dev.flowconf.kernel.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * String-keyed entries of which some are made on first read ({@link InvocationMetadata}'s labels and
 * extensions). A supplier that answers null leaves its entry absent.
 */
final class LazyEntries<V> {
    private final Map<String, V> made = new LinkedHashMap<>();
    private Map<String, Supplier<V>> pending;

    void put(String key, V value) {
        made.put(key, value);
        if (pending != null) pending.remove(key);
    }

    void putIfAbsent(String key, V value) {
        if (!contains(key)) made.put(key, value);
    }

    void putLazy(String key, Supplier<V> value) {
        made.remove(key);
        if (pending == null) pending = new LinkedHashMap<>();
        pending.put(key, value);
    }

    void putLazyIfAbsent(String key, Supplier<V> value) {
        if (!contains(key)) putLazy(key, value);
    }

    V get(String key) {
        if (pending != null && pending.containsKey(key)) make(key);
        return made.get(key);
    }

    /** Every entry, the pending ones made now. */
    Map<String, V> all() {
        if (pending != null) {
            for (String key : new ArrayList<>(pending.keySet())) make(key);
        }
        return Collections.unmodifiableMap(made);
    }

    private boolean contains(String key) {
        return made.containsKey(key) || (pending != null && pending.containsKey(key));
    }

    private void make(String key) {
        V value = pending.remove(key).get();
        if (value != null) made.put(key, value);
    }
}
