package dev.flowconf.kernel.exec;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-run values that environment plugins hand to nodes (upstream used a thread-local; a per-run
 * object keeps concurrent runs apart on every platform).
 */
public final class RunEnvironment {
    private final Map<String, Object> values = new HashMap<>();

    public void put(String key, Object value) { values.put(key, value); }

    public Object get(String key) { return values.get(key); }
}
