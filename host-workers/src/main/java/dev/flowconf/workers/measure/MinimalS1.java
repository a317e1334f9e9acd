package dev.flowconf.workers.measure;

import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonParseException;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import dev.flowconf.kernel.json.JsonWriter;
import dev.flowconf.kernel.text.RustText;
import dev.flowconf.workers.JavaBytes;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * For ci/bench only, never part of the Worker: S1's answer from the kernel's JSON (serde_json's rules, strict UTF-8)
 * and text rules (Rust's trim and lowercase), and nothing else: no executor, no routes, no HTTP mapping, no error
 * taxonomy. Built by {@code -Pminimal-s1} into modules of its own, TeaVM JavaScript and Wasm GC as the Worker is,
 * it shows what TeaVM and the least of the kernel cost a cold start (ci/bench section 5) and the JS heap a request
 * leaves (section 9), against the whole host. Not a conforming host: its errors are bare.
 */
public final class MinimalS1 {
    private MinimalS1() {}

    /** The answer's JSON text for a request body. */
    @JSExport
    public static String answer(Int8Array body) {
        try {
            JsonValue payload = JsonParser.parse(JavaBytes.of(body));
            JsonValue value = payload.isObject() ? payload.asObject().get("value") : null;
            if (value == null || !value.isString()) return "{\"error\":\"missing field `value`\"}";
            String normalized = RustText.toLowerCase(RustText.trim(value.asString().value()));
            return JsonWriter.toJson(JsonObject.builder().put("value", JsonString.of(normalized)).build());
        } catch (JsonParseException e) {
            return JsonWriter.toJson(JsonObject.builder().put("error", JsonString.of(e.getMessage())).build());
        }
    }
}
