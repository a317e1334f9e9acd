package dev.flowconf.kernel.catalog;

import dev.flowconf.kernel.exec.NodeHandler;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.ir.FlowIR;
import java.util.List;

/**
 * Upstream example s4_preflight: trigger → kv_read → capture, all identity. `kv_read` declares
 * `resource::kv::read`, so without a KV provider preflight fails every request with CAP101.
 */
public final class S4PreflightFlow {
    public static final String ID = "2d25af79-7d05-5ede-b8e3-b3698f01adf5";
    private static final String CRATE = "example_s4_preflight::";

    private S4PreflightFlow() {}

    public static FlowIR flow() {
        return new FlowBuilder(ID, "s4_preflight_flow",
                "Demonstrates CAP101 preflight failures when required capabilities are missing")
                .trigger("trigger", CRATE + "http_trigger", "HttpTrigger").add()
                .inline("kv_read", CRATE + "kv_read", "KvRead").behaviour("read_only", "best_effort")
                .hints(List.of("resource::kv::read"), List.of("resource::kv")).add()
                .inline("capture", CRATE + "capture", "Capture").behaviour("pure", "strict").add()
                .connect("trigger", "kv_read")
                .connect("kv_read", "capture")
                .build();
    }

    public static void register(NodeRegistry registry) {
        NodeHandler identity = (input, ctx) -> input;
        registry.register(CRATE + "http_trigger", identity)
                .register(CRATE + "kv_read", identity)
                .register(CRATE + "capture", identity);
    }
}
