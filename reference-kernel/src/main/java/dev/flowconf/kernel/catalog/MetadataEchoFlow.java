package dev.flowconf.kernel.catalog;

import dev.flowconf.kernel.exec.EnvironmentPlugin;
import dev.flowconf.kernel.exec.InvocationMetadata;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.exec.RunEnvironment;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import java.util.Map;

/**
 * Returns the invocation metadata the host built: `{"labels": {...}, "extensions": {...}}`. Of
 * `http.headers` only `x-*` headers are kept, so the answer does not depend on what a client
 * library adds on its own (user-agent, accept-encoding, ...).
 */
public final class MetadataEchoFlow {
    public static final String ID = "4f7f0cc8-dad5-5356-b4b0-974c533abd6e";
    private static final String CRATE = "harness_meta::";
    private static final String METADATA = "meta.snapshot";

    private MetadataEchoFlow() {}

    public static FlowIR flow() {
        return new FlowBuilder(ID, "harness_meta_flow", "Returns the invocation metadata the host built")
                .trigger("trigger", CRATE + "trigger", "HttpTrigger").add()
                .inline("meta", CRATE + "meta", "Metadata").behaviour("pure", "strict").add()
                .connect("trigger", "meta")
                .build();
    }

    public static void register(NodeRegistry registry) {
        registry.registerNonBlocking(CRATE + "trigger", (input, ctx) -> input)
                .registerNonBlocking(CRATE + "meta", (input, ctx) -> (JsonValue) ctx.environment().get(METADATA));
    }

    /** Hands the metadata to the node, as upstream's environment plugins hand data to nodes. */
    public static EnvironmentPlugin plugin() {
        return (InvocationMetadata metadata, RunEnvironment environment) -> {
            JsonObject.Builder labels = JsonObject.builder();
            for (Map.Entry<String, String> e : metadata.labels().entrySet()) labels.put(e.getKey(), JsonString.of(e.getValue()));
            JsonObject.Builder extensions = JsonObject.builder();
            for (Map.Entry<String, JsonValue> e : metadata.extensions().entrySet()) {
                extensions.put(e.getKey(), "http.headers".equals(e.getKey()) ? customHeaders(e.getValue()) : e.getValue());
            }
            environment.put(METADATA, JsonObject.builder()
                    .put("labels", labels.build()).put("extensions", extensions.build()).build());
        };
    }

    private static JsonValue customHeaders(JsonValue headers) {
        JsonObject.Builder kept = JsonObject.builder();
        for (String name : headers.asObject().keys()) {
            if (name.startsWith("x-")) kept.put(name, headers.asObject().get(name));
        }
        return kept.build();
    }
}
