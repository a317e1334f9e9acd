package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** In-memory KV and blob providers (upstream's `kv.memory` / `blob.memory`), usable on every host. */
public final class MemoryStores {
    private MemoryStores() {}

    public static final class Kv implements KeyValueStore {
        private final Map<String, JsonValue> values = new HashMap<>();

        @Override
        public synchronized JsonValue get(String key) { return values.get(key); }

        @Override
        public synchronized void put(String key, JsonValue value) { values.put(key, value); }
    }

    public static final class Blob implements BlobStore {
        private final Map<String, byte[]> blobs = new HashMap<>();

        @Override
        public synchronized byte[] get(String key) {
            byte[] b = blobs.get(key);
            return b == null ? null : b.clone();
        }

        @Override
        public synchronized void put(String key, byte[] bytes) { blobs.put(key, bytes.clone()); }

        @Override
        public synchronized boolean delete(String key) { return blobs.remove(key) != null; }

        /** Stored keys in ascending order, for tests and probes. */
        public synchronized List<String> keys() { return new ArrayList<>(new TreeSet<>(blobs.keySet())); }
    }
}
