package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Labels (string to string) and extensions (string to JSON) that travel with an invocation. A label
 * or extension may be given as a {@link Supplier}, made the first time something reads it: most runs
 * never look at `lf.run_id`, `http.headers` or `http.query`, and making them is a good part of a
 * small request (measured: README, Performance, per-request budget).
 */
public final class InvocationMetadata {
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, JsonValue> extensions = new LinkedHashMap<>();
    private Map<String, Supplier<JsonValue>> lazyExtensions;
    private Map<String, Supplier<String>> lazyLabels;

    public InvocationMetadata putLabel(String key, String value) {
        labels.put(key, value);
        if (lazyLabels != null) lazyLabels.remove(key);
        return this;
    }

    public InvocationMetadata putLabelIfAbsent(String key, String value) {
        if (lazyLabels == null || !lazyLabels.containsKey(key)) labels.putIfAbsent(key, value);
        return this;
    }

    /** A label made on first read (a run id nobody reads need not be drawn), unless the label is already there. */
    public InvocationMetadata putLazyLabelIfAbsent(String key, Supplier<String> value) {
        if (!labels.containsKey(key) && (lazyLabels == null || !lazyLabels.containsKey(key))) {
            if (lazyLabels == null) lazyLabels = new LinkedHashMap<>();
            lazyLabels.put(key, value);
        }
        return this;
    }

    public InvocationMetadata putExtension(String key, JsonValue value) {
        extensions.put(key, value);
        if (lazyExtensions != null) lazyExtensions.remove(key);
        return this;
    }

    /** An extension built on first read; a supplier answering null means the extension is absent. */
    public InvocationMetadata putLazyExtension(String key, Supplier<JsonValue> value) {
        extensions.remove(key);
        if (lazyExtensions == null) lazyExtensions = new LinkedHashMap<>();
        lazyExtensions.put(key, value);
        return this;
    }

    public String label(String key) {
        if (lazyLabels != null && lazyLabels.containsKey(key)) labels.put(key, lazyLabels.remove(key).get());
        return labels.get(key);
    }

    public JsonValue extension(String key) {
        if (lazyExtensions != null && lazyExtensions.containsKey(key)) build(key);
        return extensions.get(key);
    }

    /** Every label, the lazy ones made now. */
    public Map<String, String> labels() {
        if (lazyLabels != null) {
            for (String key : new ArrayList<>(lazyLabels.keySet())) label(key);
        }
        return Collections.unmodifiableMap(labels);
    }

    /** Every extension, the lazy ones built now. */
    public Map<String, JsonValue> extensions() {
        if (lazyExtensions != null) {
            for (String key : new ArrayList<>(lazyExtensions.keySet())) build(key);
        }
        return Collections.unmodifiableMap(extensions);
    }

    private void build(String key) {
        JsonValue value = lazyExtensions.remove(key).get();
        if (value != null) extensions.put(key, value);
    }
}
