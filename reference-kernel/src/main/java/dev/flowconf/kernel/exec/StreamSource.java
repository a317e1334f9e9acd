package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.json.JsonValue;

/**
 * The items of a stream output, produced when the consumer asks (like a Rust stream being polled):
 * no item is made before someone wants it, so a slow consumer holds the producer back.
 */
public interface StreamSource {
    /** The next item, or null at the end. */
    JsonValue next() throws NodeError;
}
