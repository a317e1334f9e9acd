package dev.flowconf.examples.greeting;

import dev.flowconf.kernel.bundle.NodeCatalog;
import dev.flowconf.kernel.exec.NodeError;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;

/**
 * The example's nodes, registered by the identifiers its bundle names (src/main/flow/greeting.bundle.json). Both
 * never wait, so a request runs them inline on either host.
 */
public final class GreetingNodes implements NodeCatalog {
    @Override
    public void register(NodeRegistry registry) {
        registry.registerNonBlocking("greeting::trigger", (input, context) -> input);
        registry.registerNonBlocking("greeting::greet", (input, context) -> greet(input));
    }

    /** {@code {"name": "Ada"}} → {@code {"greeting": "Hello, Ada!"}}; anything else is the node's error. */
    static JsonValue greet(JsonValue input) throws NodeError {
        JsonValue name = input.isObject() && input.asObject().has("name") ? input.asObject().get("name") : null;
        if (name == null || !name.isString() || name.asString().value().isBlank()) {
            throw new NodeError("`name` must be a non-empty string");
        }
        return JsonObject.builder().put("greeting", JsonString.of("Hello, " + name.asString().value().strip() + "!"))
                .build();
    }
}
