package dev.flowconf.kernel.golden;

import dev.flowconf.kernel.catalog.S1EchoFlow;
import dev.flowconf.kernel.catalog.ShippedFlows;
import dev.flowconf.kernel.error.ErrorEnvelope;
import dev.flowconf.kernel.exec.ExecutionError;
import dev.flowconf.kernel.exec.ExecutionResult;
import dev.flowconf.kernel.exec.FlowRuntime;
import dev.flowconf.kernel.exec.Invocation;
import dev.flowconf.kernel.exec.MemoryStores;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.exec.Resources;
import dev.flowconf.kernel.exec.SpillStore;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.json.JsonArray;
import dev.flowconf.kernel.json.JsonNull;
import dev.flowconf.kernel.json.JsonNumber;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays one kernel golden case (goldens/kernel/*.json) against the shipped flows. Portable (no
 * files, no JUnit) so the same code judges the kernel on the JVM and compiled by TeaVM.
 */
public final class KernelGoldenRunner {
    private KernelGoldenRunner() {}

    /** Null when the case passes, otherwise what differed. */
    public static String check(JsonObject golden) {
        FlowIR flow = flowNamed(str(golden, "flow"));
        if (flow == null) return "no shipped flow named " + str(golden, "flow");
        List<String> bind = new ArrayList<>();
        JsonValue b = golden.get("bind");
        if (b != null) for (JsonValue v : b.asArray().items()) bind.add(v.asString().value());
        MemoryStores.Blob blobs = new MemoryStores.Blob();
        Resources resources = Resources.none();
        if (bind.contains("kv")) resources = resources.withKv(new MemoryStores.Kv());
        if (bind.contains("blob")) resources = resources.withBlob(blobs);
        FlowRuntime.Builder runtime = FlowRuntime.builder(flow, REGISTRY).resources(resources);
        if (flow.name().equals("s1_echo_flow")) runtime.plugin(S1EchoFlow.authPlugin());
        if (bind.contains("spill")) runtime.spillStore(new MemorySpill());

        JsonValue payload = golden.has("payload") ? golden.get("payload") : JsonNull.INSTANCE;
        Invocation invocation = Invocation.of(str(golden, "trigger"), str(golden, "capture"), payload);
        JsonValue deadline = golden.get("deadline_ms");
        if (deadline != null) invocation = invocation.withDeadlineMillis(deadline.asNumber().longBits());
        JsonValue extensions = golden.get("extensions");
        if (extensions != null) {
            for (String key : extensions.asObject().keys()) {
                invocation.metadata().putExtension(key, extensions.asObject().get(key));
            }
        }

        JsonObject actual;
        try {
            ExecutionResult result = runtime.build().execute(invocation);
            if (result.isStream()) {
                List<JsonValue> items = new ArrayList<>();
                for (JsonValue v = result.stream().next(); v != null; v = result.stream().next()) items.add(v);
                actual = JsonObject.builder().put("stream", JsonArray.of(items)).build();
            } else {
                actual = JsonObject.builder().put("value", result.value()).build();
            }
        } catch (ExecutionError e) {
            ErrorEnvelope envelope = ErrorEnvelope.of(e);
            actual = JsonObject.builder().put("status", JsonNumber.ofU64(envelope.status()))
                    .put("error", envelope.body()).build();
        }
        JsonValue expected = golden.get("expect");
        if (!expected.equals(actual)) return "expected " + expected + " but got " + actual;
        JsonValue expectedBlobs = golden.get("blobs");
        if (expectedBlobs != null) {
            List<JsonValue> keys = new ArrayList<>();
            for (String k : blobs.keys()) keys.add(JsonString.of(k));
            if (!expectedBlobs.equals(JsonArray.of(keys))) return "expected blobs " + expectedBlobs + " but got " + keys;
        }
        return null;
    }

    private static final NodeRegistry REGISTRY = ShippedFlows.registry();

    private static FlowIR flowNamed(String name) {
        for (FlowIR f : ShippedFlows.all()) {
            if (f.name().equals(name)) return f;
        }
        return null;
    }

    private static String str(JsonObject o, String key) {
        return o.get(key).asString().value();
    }

    /** Spill storage in memory, standing in for the JVM host's files. */
    private static final class MemorySpill implements SpillStore {
        @Override
        public Tier open(String flowId, String tier) {
            Map<String, byte[]> files = new HashMap<>();
            return new Tier() {
                @Override
                public synchronized void write(String key, byte[] payload) { files.put(key, payload); }

                @Override
                public synchronized byte[] take(String key) { return files.remove(key); }
            };
        }
    }
}
