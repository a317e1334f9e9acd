package dev.flowconf.kernel.catalog;

import dev.flowconf.kernel.exec.NodeContext;
import dev.flowconf.kernel.exec.NodeError;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.exec.StreamSource;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.json.JsonNumber;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;

/**
 * The upstream workerd-harness routes besides echo: `/health` (a sanity value), `/stream`
 * (exactly three chunks) and `/cancel` (a long stream whose cancellation the run observes); and
 * `/bench/stream`, a long stream without pauses for ci/bench.
 */
public final class HarnessFlows {
    public static final String HEALTH_ID = "03638860-91d6-5acc-829a-d043222c10a7";
    public static final String STREAM_ID = "b9c29763-a568-5c69-833b-899650d63cda";
    public static final String CANCEL_ID = "9f030794-3c75-51fc-a98c-092b9c943a8c";
    public static final String BENCH_STREAM_ID = "09ac0515-84c6-5bd9-a6ec-22775cedab69";
    /** `/bench/stream`'s length unless the query's `n` says otherwise (and its most). */
    static final int BENCH_STREAM_CHUNKS = 10_000;
    static final int STREAM_CHUNKS = 3;
    static final int CANCEL_TICKS = 600;
    static final long CANCEL_TICK_MILLIS = 100;
    private static final String CRATE = "harness::";

    private HarnessFlows() {}

    public static FlowIR health() {
        return twoNodes(HEALTH_ID, "harness_health_flow", "Answers that the host is up", "health");
    }

    public static FlowIR stream() {
        return twoNodes(STREAM_ID, "harness_stream_flow", "Streams exactly three chunks", "stream");
    }

    public static FlowIR cancel() {
        return twoNodes(CANCEL_ID, "harness_cancel_flow",
                "Streams a tick every 100 ms for a minute unless the client leaves", "cancel");
    }

    /** ci/bench's events/s: `{"chunk":0}` … `{"chunk":n-1}` without pauses, n from the payload (default 10 000). */
    public static FlowIR benchStream() {
        return twoNodes(BENCH_STREAM_ID, "harness_bench_stream_flow",
                "Streams n chunks (default 10 000) as fast as the client reads them", "bench_stream");
    }

    private static FlowIR twoNodes(String id, String name, String summary, String capture) {
        return new FlowBuilder(id, name, summary)
                .trigger("trigger", CRATE + "trigger", "HttpTrigger").add()
                .inline(capture, CRATE + capture, capture.substring(0, 1).toUpperCase() + capture.substring(1))
                .behaviour("pure", "strict").add()
                .connect("trigger", capture)
                .build();
    }

    public static void register(NodeRegistry registry) {
        registry.registerNonBlocking(CRATE + "trigger", (input, ctx) -> input)
                .registerNonBlocking(CRATE + "health", (input, ctx) ->
                        JsonObject.builder().put("status", JsonString.of("ok")).build())
                .registerNonBlockingStream(CRATE + "stream", (input, ctx) -> counter(STREAM_CHUNKS, 0, null))
                .registerStream(CRATE + "cancel", (input, ctx) -> counter(CANCEL_TICKS, CANCEL_TICK_MILLIS, ctx))
                .registerNonBlockingStream(CRATE + "bench_stream", (input, ctx) -> counter(chunkCount(input), 0, null));
    }

    /** The payload's `n` (a string, as GET query values are), 0 … 10 000; absent means 10 000. */
    private static int chunkCount(JsonValue input) throws NodeError {
        JsonValue n = input.isObject() ? input.asObject().get("n") : null;
        if (n == null) return BENCH_STREAM_CHUNKS;
        String text = n.isString() ? n.asString().value() : "";
        if (text.isEmpty() || text.length() > 5) throw badCount();
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') throw badCount();
            count = count * 10 + (c - '0');
        }
        if (count > BENCH_STREAM_CHUNKS) throw badCount();
        return count;
    }

    private static NodeError badCount() {
        return new NodeError("n must be a whole number from 0 to " + BENCH_STREAM_CHUNKS);
    }

    /** `{"chunk":0}`, `{"chunk":1}`, ... with a cancellable pause before every chunk but the first. */
    private static StreamSource counter(int chunks, long pauseMillis, NodeContext ctx) {
        return new StreamSource() {
            private int sent;

            @Override
            public JsonValue next() {
                if (sent == chunks) return null;
                if (sent > 0 && pauseMillis > 0 && !ctx.sleep(pauseMillis)) return null;
                return JsonObject.builder().put("chunk", JsonNumber.ofU64(sent++)).build();
            }
        };
    }
}
