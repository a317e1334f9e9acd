package dev.flowconf.kernel.exec;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * String-keyed entries of which some are made on first read ({@link InvocationMetadata}'s labels and
 * extensions). A supplier that answers null leaves its entry absent.
 *
 * <p>One array searched in order, not maps: every request makes two of these with about ten entries, and on
 * the Workers host a LinkedHashMap (table, entry objects, and a second map for the pending entries) was a
 * tenth of a request's garbage. Keys are few, so a linear search is also quicker than hashing them.
 */
final class LazyEntries<V> {
    /** Per entry three slots: its key, its value (or its Supplier while pending), its Supplier (null once made). */
    private Object[] slots;
    private int size;

    /** @param expected how many entries are usual: room for them is made at once */
    LazyEntries(int expected) {
        slots = new Object[3 * expected];
    }

    void put(String key, V value) {
        set(key, value, null);
    }

    void putIfAbsent(String key, V value) {
        if (!contains(key)) set(key, value, null);
    }

    void putLazy(String key, Supplier<V> value) {
        set(key, value, value);
    }

    void putLazyIfAbsent(String key, Supplier<V> value) {
        if (!contains(key)) set(key, value, value);
    }

    V get(String key) {
        int i = indexOf(key);
        return i < 0 ? null : made(i);
    }

    /** Every entry, the pending ones made now, in the order they were first put. */
    Map<String, V> all() {
        Map<String, V> all = new LinkedHashMap<>();
        for (int i = 0; i < size; i += 3) {
            V value = made(i);
            if (value != null) all.put((String) slots[i], value);
        }
        return Collections.unmodifiableMap(all);
    }

    /** Present or pending; an entry whose supplier answered null is absent. */
    private boolean contains(String key) {
        int i = indexOf(key);
        return i >= 0 && (slots[i + 1] != null || slots[i + 2] != null);
    }

    private void set(String key, Object value, Object supplier) {
        int i = indexOf(key);
        if (i < 0) {
            if (size == slots.length) slots = Arrays.copyOf(slots, Math.max(3, 2 * slots.length));
            i = size;
            size += 3;
            slots[i] = key;
        }
        slots[i + 1] = value;
        slots[i + 2] = supplier;
    }

    /** The value of the entry at i, made now if it was pending; null for an absent one. */
    @SuppressWarnings("unchecked")
    private V made(int i) {
        if (slots[i + 2] != null) {
            slots[i + 1] = ((Supplier<V>) slots[i + 2]).get();
            slots[i + 2] = null;
        }
        return (V) slots[i + 1];
    }

    /** The entry's first slot, or -1. */
    private int indexOf(String key) {
        for (int i = 0; i < size; i += 3) {
            if (slots[i].equals(key)) return i;
        }
        return -1;
    }
}
