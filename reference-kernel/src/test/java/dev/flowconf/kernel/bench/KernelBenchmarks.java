package dev.flowconf.kernel.bench;

import dev.flowconf.kernel.catalog.S1EchoFlow;
import dev.flowconf.kernel.catalog.ShippedCatalog;
import dev.flowconf.kernel.catalog.ShippedFlows;
import dev.flowconf.kernel.exec.ExecutionError;
import dev.flowconf.kernel.exec.FlowRuntime;
import dev.flowconf.kernel.exec.Invocation;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.exec.ResultStream;
import dev.flowconf.kernel.exec.StreamSource;
import dev.flowconf.kernel.http.HttpHost;
import dev.flowconf.kernel.http.HttpRequest;
import dev.flowconf.kernel.http.HttpResponse;
import dev.flowconf.kernel.ir.EdgeIR;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.ir.NodeIR;
import dev.flowconf.kernel.ir.NodeKind;
import dev.flowconf.kernel.json.JsonArray;
import dev.flowconf.kernel.json.JsonNumber;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Kernel overhead per invocation, for the record (ci/bench prints it; nothing asserts on it):
 * the s1 flow from a parsed payload (a thread per node task, and pooled), s1 from request bytes to response bytes, and a stream of
 * 1 000 items drained by its consumer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KernelBenchmarks {
    static final int STREAM_ITEMS = 1_000;

    private FlowRuntime s1;
    private FlowRuntime s1Pooled;
    private JsonValue s1Payload;
    private HttpHost host;
    private HttpRequest s1Request;
    private FlowRuntime stream;

    @Setup
    public void setUp() throws Exception {
        s1 = FlowRuntime.builder(S1EchoFlow.flow(), ShippedFlows.registry()).plugin(S1EchoFlow.authPlugin()).build();
        ExecutorService pool = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task);
            t.setDaemon(true);
            return t;
        });
        s1Pooled = FlowRuntime.builder(S1EchoFlow.flow(), ShippedFlows.registry()).plugin(S1EchoFlow.authPlugin())
                .taskRunner((name, task) -> pool.execute(task)).build();
        s1Payload = JsonParser.parse("{\"value\":\"  HeLLo  \"}");
        host = ShippedCatalog.host();
        s1Request = new HttpRequest("POST", "/echo", null, List.of(),
                "{\"value\":\"  HeLLo  \"}".getBytes(StandardCharsets.UTF_8));
        stream = streamRuntime();
    }

    @Benchmark
    public JsonValue s1Invocation() throws ExecutionError {
        return s1.execute(Invocation.of("trigger", "responder", s1Payload).withDeadlineMillis(250)).value();
    }

    /** As the reference host runs it: node tasks on a thread pool. */
    @Benchmark
    public JsonValue s1InvocationPooledTasks() throws ExecutionError {
        return s1Pooled.execute(Invocation.of("trigger", "responder", s1Payload).withDeadlineMillis(250)).value();
    }

    @Benchmark
    public HttpResponse s1RequestToResponseBytes() {
        return host.handle(s1Request);
    }

    @Benchmark
    public int stream1000Items() throws ExecutionError {
        ResultStream items = stream.execute(Invocation.of("trigger", "items", JsonNumber.ofU64(0))).stream();
        int n = 0;
        while (items.next() != null) n++;
        return n;
    }

    /** trigger → items, where `items` streams 1 000 small objects as fast as they are asked for. */
    private static FlowRuntime streamRuntime() {
        JsonValue opaque = JsonObject.builder().put("kind", JsonString.of("opaque")).build();
        List<NodeIR> nodes = List.of(
                new NodeIR("b::trigger", "trigger", "bench::trigger", "Trigger", NodeKind.TRIGGER, null, opaque, opaque,
                        "read_only", "strict", JsonObject.empty(), List.of(), List.of()),
                new NodeIR("b::items", "items", "bench::items", "Items", NodeKind.INLINE, null, opaque, opaque,
                        "pure", "strict", JsonObject.empty(), List.of(), List.of()));
        JsonValue empty = JsonArray.of(List.of());
        FlowIR flow = new FlowIR("b", "bench_stream_flow", "1.0.0", "web", null, nodes,
                List.of(EdgeIR.connect("trigger", "items")), List.of(), empty, JsonObject.empty(), JsonObject.empty(), empty);
        NodeRegistry registry = new NodeRegistry()
                .register("bench::trigger", (in, ctx) -> in)
                .registerStream("bench::items", (in, ctx) -> new StreamSource() {
                    private int i;

                    @Override
                    public JsonValue next() {
                        return i == STREAM_ITEMS ? null : JsonObject.builder().put("i", JsonNumber.ofU64(i++)).build();
                    }
                });
        return FlowRuntime.builder(flow, registry).build();
    }
}
