package dev.flowconf.kernel.catalog;

import dev.flowconf.kernel.exec.BlobStore;
import dev.flowconf.kernel.exec.NodeError;
import dev.flowconf.kernel.exec.NodeHandler;
import dev.flowconf.kernel.exec.NodeInput;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.json.JsonArray;
import dev.flowconf.kernel.json.JsonBool;
import dev.flowconf.kernel.json.JsonNull;
import dev.flowconf.kernel.json.JsonNumber;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import dev.flowconf.kernel.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream example s6_spill: a batch becomes one blob payload per item (prepare), each written to
 * the blob capability (store), acknowledged after 120 ms (ack). The prepare → store edge holds one
 * item and spills payloads of 512 bytes or more to the `local` tier.
 */
public final class S6SpillFlow {
    public static final String ID = "46d6e4de-06d8-549b-99c1-faf7981fc91c";
    static final long ACK_DELAY_MILLIS = 120;
    private static final String CRATE = "example_s6_spill::";

    private S6SpillFlow() {}

    public static FlowIR flow() {
        return new FlowBuilder(ID, "s6_spill_flow", "Demonstrates buffer and spill on batch ingest workflows")
                .trigger("trigger", CRATE + "batch_trigger", "BatchTrigger").types("BatchRequest", "BatchRequest").add()
                .inline("prepare", CRATE + "prepare_payload", "PreparePayload")
                .types("BatchRequest", "Vec < BlobPayload >").behaviour("pure", "strict").add()
                .inline("store", CRATE + "store_blob", "StoreBlob").types("Vec < BlobPayload >", "Vec < Ack >")
                .behaviour("effectful", "best_effort")
                .hints(List.of("resource::blob::write"), List.of("resource::blob"))
                .idempotency(JsonObject.builder().put("key", JsonString.of("batch_id"))
                        .put("scope", JsonString.of("node")).put("ttlMs", JsonNumber.ofU64(300000)).build())
                .add()
                .inline("ack", CRATE + "slow_ack", "SlowAck").types("Vec < Ack >", "Vec < Ack >")
                .behaviour("pure", "strict").add()
                .inline("capture", CRATE + "capture", "Capture").types("Vec < Ack >", "Vec < Ack >")
                .behaviour("pure", "strict").add()
                .connect("trigger", "prepare")
                .connect("prepare", "store", JsonObject.builder()
                        .put("max_items", JsonNumber.ofU64(1))
                        .put("spill_threshold_bytes", JsonNumber.ofU64(512))
                        .put("spill_tier", JsonString.of("local")).build())
                .connect("store", "ack")
                .connect("ack", "capture")
                .build();
    }

    public static void register(NodeRegistry registry) {
        NodeHandler identity = (input, ctx) -> input;
        registry.register(CRATE + "batch_trigger", (input, ctx) -> {
                    NodeInput batch = NodeInput.struct(input, "BatchRequest", "batch_id", "items", "lf_burst_index");
                    JsonObject.Builder out = JsonObject.builder()
                            .put("batch_id", JsonString.of(batch.requiredString("batch_id")))
                            .put("items", strings(batch.requiredStringList("items")));
                    Long burst = batch.optionalUnsigned("lf_burst_index");
                    out.put("lf_burst_index", burst == null ? JsonNull.INSTANCE : JsonNumber.ofU64(burst));
                    return out.build();
                })
                .register(CRATE + "prepare_payload", (input, ctx) -> {
                    NodeInput batch = NodeInput.struct(input, "BatchRequest", "batch_id", "items", "lf_burst_index");
                    Long burst = batch.optionalUnsigned("lf_burst_index");
                    String id = batch.requiredString("batch_id") + (burst == null ? "" : "-" + Long.toUnsignedString(burst));
                    List<String> items = batch.requiredStringList("items");
                    List<JsonValue> payloads = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        payloads.add(JsonObject.builder()
                                .put("batch_id", JsonString.of(id))
                                .put("item", JsonString.of(items.get(i)))
                                .put("blob_key", JsonString.of("batch/" + id + "/payload/" + i + ".json")).build());
                    }
                    return JsonArray.of(payloads);
                })
                .register(CRATE + "store_blob", (input, ctx) -> {
                    BlobStore blobs = ctx.resources().blob();
                    if (blobs == null) throw new NodeError("blob capability missing");
                    List<JsonValue> acks = new ArrayList<>();
                    for (JsonValue p : sequence(input, "BlobPayload")) {
                        NodeInput payload = NodeInput.struct(p, "BlobPayload", "batch_id", "item", "blob_key");
                        blobs.put(payload.requiredString("blob_key"), JsonWriter.toBytes(p));
                        acks.add(JsonObject.builder()
                                .put("batch_id", JsonString.of(payload.requiredString("batch_id")))
                                .put("item", JsonString.of(payload.requiredString("item")))
                                .put("stored", JsonBool.TRUE).build());
                    }
                    return JsonArray.of(acks);
                })
                .register(CRATE + "slow_ack", (input, ctx) -> {
                    sequence(input, "Ack");
                    ctx.sleep(ACK_DELAY_MILLIS);
                    return input;
                })
                .register(CRATE + "capture", identity);
    }

    private static List<JsonValue> sequence(JsonValue input, String element) throws NodeError {
        if (!input.isArray()) {
            throw new NodeError("failed to deserialize node input: invalid type: "
                    + NodeInput.describe(input) + ", expected a sequence");
        }
        return input.asArray().items();
    }

    private static JsonValue strings(List<String> values) {
        List<JsonValue> out = new ArrayList<>();
        for (String v : values) out.add(JsonString.of(v));
        return JsonArray.of(out);
    }
}
