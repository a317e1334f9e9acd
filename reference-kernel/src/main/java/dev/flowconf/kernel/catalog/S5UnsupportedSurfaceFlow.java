package dev.flowconf.kernel.catalog;

import dev.flowconf.kernel.exec.NodeHandler;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.json.JsonNumber;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonString;
import java.util.List;

/**
 * Upstream example s5_unsupported_surface: a valid identity chain plus a reserved `rate_limit`
 * surface, which the runtime rejects (CTRL901) on every request before any node runs.
 */
public final class S5UnsupportedSurfaceFlow {
    public static final String ID = "63ad7bfa-446d-58df-806b-e87693fd1672";
    private static final String CRATE = "example_s5_unsupported_surface::";

    private S5UnsupportedSurfaceFlow() {}

    public static FlowIR flow() {
        return new FlowBuilder(ID, "s5_unsupported_surface_flow",
                "Demonstrates CTRL901 when a reserved surface is present but unimplemented")
                .trigger("trigger", CRATE + "http_trigger", "HttpTrigger").add()
                .inline("passthrough", CRATE + "passthrough", "PassThrough").behaviour("pure", "strict").add()
                .inline("capture", CRATE + "capture", "Capture").behaviour("pure", "strict").add()
                .connect("trigger", "passthrough")
                .connect("passthrough", "capture")
                .surface("rate_limit:0", "rate_limit", List.of(), JsonObject.builder()
                        .put("v", JsonNumber.ofU64(1)).put("target", JsonString.of("trigger"))
                        .put("qps", JsonNumber.ofU64(1)).put("burst", JsonNumber.ofU64(1)).build())
                .build();
    }

    public static void register(NodeRegistry registry) {
        NodeHandler identity = (input, ctx) -> input;
        registry.register(CRATE + "http_trigger", identity)
                .register(CRATE + "passthrough", identity)
                .register(CRATE + "capture", identity);
    }
}
