package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.json.JsonValue;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Labels (string to string) and extensions (string to JSON) that travel with an invocation. A label
 * or extension may be given as a {@link Supplier}, made the first time something reads it: most runs
 * never look at `lf.run_id`, `http.headers` or `http.query`, and making them is a good part of a
 * small request (measured: README, Performance, per-request budget).
 */
public final class InvocationMetadata {
    // A request usually has about nine labels (http.*, lf.*) and up to three extensions.
    private final LazyEntries<String> labels = new LazyEntries<>(10);
    private final LazyEntries<JsonValue> extensions = new LazyEntries<>(3);

    public InvocationMetadata putLabel(String key, String value) {
        labels.put(key, value);
        return this;
    }

    public InvocationMetadata putLabelIfAbsent(String key, String value) {
        labels.putIfAbsent(key, value);
        return this;
    }

    /** A label made on first read (a run id nobody reads need not be drawn), unless the label is already there. */
    public InvocationMetadata putLazyLabelIfAbsent(String key, Supplier<String> value) {
        labels.putLazyIfAbsent(key, value);
        return this;
    }

    public InvocationMetadata putExtension(String key, JsonValue value) {
        extensions.put(key, value);
        return this;
    }

    /** An extension built on first read; a supplier answering null means the extension is absent. */
    public InvocationMetadata putLazyExtension(String key, Supplier<JsonValue> value) {
        extensions.putLazy(key, value);
        return this;
    }

    public String label(String key) { return labels.get(key); }
    public JsonValue extension(String key) { return extensions.get(key); }

    /** Every label, the lazy ones made now. */
    public Map<String, String> labels() { return labels.all(); }

    /** Every extension, the lazy ones built now. */
    public Map<String, JsonValue> extensions() { return extensions.all(); }
}
