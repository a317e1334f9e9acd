package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Labels (string to string) and extensions (string to JSON) that travel with an invocation. */
public final class InvocationMetadata {
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, JsonValue> extensions = new LinkedHashMap<>();

    public InvocationMetadata putLabel(String key, String value) {
        labels.put(key, value);
        return this;
    }

    public InvocationMetadata putLabelIfAbsent(String key, String value) {
        labels.putIfAbsent(key, value);
        return this;
    }

    public InvocationMetadata putExtension(String key, JsonValue value) {
        extensions.put(key, value);
        return this;
    }

    public String label(String key) { return labels.get(key); }
    public JsonValue extension(String key) { return extensions.get(key); }
    public Map<String, String> labels() { return Collections.unmodifiableMap(labels); }
    public Map<String, JsonValue> extensions() { return Collections.unmodifiableMap(extensions); }
}
