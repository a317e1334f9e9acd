package dev.flowconf.kernel.catalog;

import dev.flowconf.kernel.exec.NodeInput;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.exec.StreamSource;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.json.JsonNumber;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;

/**
 * Upstream example s2_site: trigger → snapshot → stream. The stream sends the snapshot at once,
 * then five updates 120 ms apart (latency +12 each, degraded on even steps).
 */
public final class S2SiteFlow {
    public static final String ID = "492cd33c-eea7-5ee4-9eb3-1a0b3b6a1655";
    static final long UPDATE_INTERVAL_MILLIS = 120;
    private static final String CRATE = "example_s2_site::";

    private S2SiteFlow() {}

    public static FlowIR flow() {
        return new FlowBuilder(ID, "s2_site_flow", "Implements the S2 streaming site-status example with SSE")
                .trigger("trigger", CRATE + "http_trigger", "SiteHttpTrigger")
                .summary("Ingress trigger for site status requests").types("SiteRequest", "SiteRequest").add()
                .inline("snapshot", CRATE + "build_snapshot", "BuildSnapshot")
                .summary("Construct the initial site snapshot prior to streaming").types("SiteRequest", "SiteSnapshot")
                .behaviour("read_only", "stable").add()
                .inline("stream", CRATE + "stream_telemetry", "StreamTelemetry")
                .summary("Emit incremental status updates as an SSE stream").types("SiteSnapshot", "SiteEvent")
                .behaviour("read_only", "best_effort").add()
                .connect("trigger", "snapshot")
                .connect("snapshot", "stream")
                .build();
    }

    public static void register(NodeRegistry registry) {
        registry.register(CRATE + "http_trigger", (input, ctx) -> site(NodeInput.struct(input, "SiteRequest", "site")
                        .requiredString("site")))
                .register(CRATE + "build_snapshot", (input, ctx) -> {
                    String site = NodeInput.struct(input, "SiteRequest", "site").requiredString("site");
                    return event(site, null, "operational", 120);
                })
                .registerStream(CRATE + "stream_telemetry", (input, ctx) -> {
                    NodeInput snapshot = NodeInput.struct(input, "SiteSnapshot", "site", "status", "latency_ms");
                    String site = snapshot.requiredString("site");
                    String status = snapshot.requiredString("status");
                    long latency = snapshot.requiredUnsigned("latency_ms");
                    return new StreamSource() {
                        private int sent;

                        @Override
                        public JsonValue next() {
                            if (sent == 0) {
                                sent++;
                                return event(site, "snapshot", status, latency);
                            }
                            int idx = sent - 1;
                            if (idx >= 5 || !ctx.sleep(UPDATE_INTERVAL_MILLIS)) return null;
                            sent++;
                            return event(site, "update_" + idx, idx % 2 == 0 ? "degraded" : "operational",
                                    latency + 12L * (idx + 1));
                        }
                    };
                });
    }

    private static JsonValue site(String site) {
        return JsonObject.builder().put("site", JsonString.of(site)).build();
    }

    /** A SiteSnapshot (stage null) or SiteEvent. */
    private static JsonValue event(String site, String stage, String status, long latencyMillis) {
        JsonObject.Builder b = JsonObject.builder()
                .put("site", JsonString.of(site))
                .put("status", JsonString.of(status))
                .put("latency_ms", JsonNumber.ofU64(latencyMillis));
        if (stage != null) b.put("stage", JsonString.of(stage));
        return b.build();
    }
}
