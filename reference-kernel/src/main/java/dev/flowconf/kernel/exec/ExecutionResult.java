package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.json.JsonValue;

/** What a successful execution yields: the capture node's first value, or its stream. */
public final class ExecutionResult {
    private final JsonValue value;
    private final ResultStream stream;

    private ExecutionResult(JsonValue value, ResultStream stream) {
        this.value = value;
        this.stream = stream;
    }

    static ExecutionResult value(JsonValue value) {
        return new ExecutionResult(value, null);
    }

    static ExecutionResult stream(ResultStream stream) {
        return new ExecutionResult(null, stream);
    }

    public boolean isStream() { return stream != null; }

    /** The value; null for a stream result. */
    public JsonValue value() { return value; }

    /** The stream; null for a value result. */
    public ResultStream stream() { return stream; }
}
