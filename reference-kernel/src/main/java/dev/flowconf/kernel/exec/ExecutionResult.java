package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.json.JsonValue;

/** What a successful execution yields: for now the capture node's first value. */
public final class ExecutionResult {
    private final JsonValue value;

    private ExecutionResult(JsonValue value) {
        this.value = value;
    }

    public static ExecutionResult value(JsonValue value) {
        return new ExecutionResult(value);
    }

    public JsonValue value() { return value; }
}
