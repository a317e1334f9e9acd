package dev.flowconf.kernel.exec;

import java.util.HashMap;
import java.util.Map;

/** Maps node identifiers (the IR `identifier` field) to their handlers. */
public final class NodeRegistry {
    private final Map<String, NodeHandler> handlers = new HashMap<>();

    public NodeRegistry register(String identifier, NodeHandler handler) {
        if (handlers.containsKey(identifier)) {
            throw new IllegalStateException("node `" + identifier + "` already registered");
        }
        handlers.put(identifier, handler);
        return this;
    }

    /** The handler, or null when none is registered. */
    public NodeHandler lookup(String identifier) {
        return handlers.get(identifier);
    }
}
