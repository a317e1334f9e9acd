package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.json.JsonValue;

/** A node implementation whose output is a stream of items rather than one value. */
@FunctionalInterface
public interface StreamHandler {
    StreamSource open(JsonValue input, NodeContext context) throws NodeError;
}
