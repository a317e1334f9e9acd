package dev.flowconf.kernel.exec;

import java.util.HashMap;
import java.util.Map;

/** Maps node identifiers (the IR `identifier` field) to their handlers. */
public final class NodeRegistry {
    private final Map<String, Object> handlers = new HashMap<>();

    public NodeRegistry register(String identifier, NodeHandler handler) {
        return put(identifier, handler);
    }

    public NodeRegistry registerStream(String identifier, StreamHandler handler) {
        return put(identifier, handler);
    }

    private NodeRegistry put(String identifier, Object handler) {
        if (handlers.containsKey(identifier)) {
            throw new IllegalStateException("node `" + identifier + "` already registered");
        }
        handlers.put(identifier, handler);
        return this;
    }

    /** A {@link NodeHandler} or {@link StreamHandler}, or null when none is registered. */
    Object lookup(String identifier) {
        return handlers.get(identifier);
    }
}
