package dev.flowconf.kernel.exec;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-run values that environment plugins hand to nodes (upstream used a thread-local; a per-run
 * object keeps concurrent runs apart on every platform).
 */
public final class RunEnvironment {
    /** Made by the first put: most runs have no plugin that puts anything (a map per request, under TeaVM). */
    private Map<String, Object> values;

    public void put(String key, Object value) {
        if (values == null) values = new HashMap<>();
        values.put(key, value);
    }

    public Object get(String key) { return values == null ? null : values.get(key); }
}
