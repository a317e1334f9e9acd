package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.json.JsonValue;

/** The implementation behind a node identifier. */
@FunctionalInterface
public interface NodeHandler {
    /**
     * Handles one input.
     *
     * @return the output to forward, or null for "no output" (nothing is forwarded)
     */
    JsonValue handle(JsonValue input, NodeContext context) throws NodeError;
}
