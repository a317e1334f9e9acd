package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.json.JsonValue;

/** A key-value capability (`resource::kv::*`). */
public interface KeyValueStore {
    /** The stored value, or null. */
    JsonValue get(String key);

    void put(String key, JsonValue value);
}
