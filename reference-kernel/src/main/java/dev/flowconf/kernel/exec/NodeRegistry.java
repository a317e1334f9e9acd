package dev.flowconf.kernel.exec;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Maps node identifiers (the IR `identifier` field) to their handlers. */
public final class NodeRegistry {
    private final Map<String, Object> handlers = new HashMap<>();
    private final Set<String> nonBlocking = new HashSet<>();

    public NodeRegistry register(String identifier, NodeHandler handler) {
        return put(identifier, handler, false);
    }

    /**
     * A handler that never waits (no sleep, no blocking resource call), so the executor may call it on the
     * invoking thread: a flow made only of such nodes in one straight line runs without a task per node.
     * It must answer every input with an output or a {@link NodeError}, never null.
     */
    public NodeRegistry registerNonBlocking(String identifier, NonBlockingNodeHandler handler) {
        return put(identifier, handler, true);
    }

    public NodeRegistry registerStream(String identifier, StreamHandler handler) {
        return put(identifier, handler, false);
    }

    /**
     * A stream whose items never wait to be produced (no sleep, no blocking call in {@link StreamSource#next}),
     * so a host may pull them outside of a thread of their own.
     */
    public NodeRegistry registerNonBlockingStream(String identifier, StreamHandler handler) {
        return put(identifier, handler, true);
    }

    private NodeRegistry put(String identifier, Object handler, boolean neverWaits) {
        if (handlers.containsKey(identifier)) {
            throw new IllegalStateException("node `" + identifier + "` already registered");
        }
        handlers.put(identifier, handler);
        if (neverWaits) nonBlocking.add(identifier);
        return this;
    }

    /** Whether a handler is registered under the identifier (a bundle names its nodes' identifiers). */
    public boolean has(String identifier) {
        return handlers.containsKey(identifier);
    }

    /** A {@link NodeHandler} or {@link StreamHandler}, or null when none is registered. */
    Object lookup(String identifier) {
        return handlers.get(identifier);
    }

    boolean isNonBlocking(String identifier) {
        return nonBlocking.contains(identifier);
    }
}
