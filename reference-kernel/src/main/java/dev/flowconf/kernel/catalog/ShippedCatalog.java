package dev.flowconf.kernel.catalog;

import dev.flowconf.kernel.exec.FlowRuntime;
import dev.flowconf.kernel.exec.Invocation;
import dev.flowconf.kernel.exec.MemoryStores;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.exec.Resources;
import dev.flowconf.kernel.exec.RunObserver;
import dev.flowconf.kernel.exec.SpillStore;
import dev.flowconf.kernel.exec.TaskRunner;
import dev.flowconf.kernel.http.FlowHttpHost;
import dev.flowconf.kernel.http.FlowRoute;
import dev.flowconf.kernel.http.HttpHost;
import dev.flowconf.kernel.http.LazyRuntime;
import dev.flowconf.kernel.http.RunLedger;
import dev.flowconf.kernel.ir.FlowIR;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The routes every flowconf host serves (SPEC.md §1), built once per host. */
public final class ShippedCatalog {
    private ShippedCatalog() {}

    /** What differs between hosts: where node tasks run, spill storage, the keep-alive interval. */
    public static final class Platform {
        final TaskRunner tasks;
        final SpillStore spill;
        final long keepAliveMillis;

        private Platform(TaskRunner tasks, SpillStore spill, long keepAliveMillis) {
            this.tasks = tasks;
            this.spill = spill;
            this.keepAliveMillis = keepAliveMillis;
        }

        /** A thread per node task, no spill storage (each host adds its own: withSpill), 15 s keep-alive. */
        public static Platform defaults() {
            return new Platform(TaskRunner.THREAD_PER_TASK, null, FlowHttpHost.DEFAULT_KEEP_ALIVE_MILLIS);
        }

        public Platform withTasks(TaskRunner runner) {
            return new Platform(runner, spill, keepAliveMillis);
        }

        public Platform withSpill(SpillStore store) {
            return new Platform(tasks, store, keepAliveMillis);
        }

        public Platform withKeepAliveMillis(long millis) {
            return new Platform(tasks, spill, millis);
        }

        /** A flow's runtime on this platform: its tasks, its spill storage, its runs counted by {@code ledger}. */
        public FlowRuntime.Builder runtime(FlowRuntime.Builder flow, RunObserver ledger) {
            return flow.taskRunner(tasks).observer(ledger).spillStore(spill);
        }

        /** An HTTP host for these routes on this platform; {@code ledger} answers its run probe. */
        public HttpHost host(List<FlowRoute> routes, RunLedger ledger) {
            return new FlowHttpHost(routes, ledger, tasks, keepAliveMillis);
        }
    }

    public static HttpHost host() {
        return host(Platform.defaults());
    }

    public static HttpHost host(Platform platform) {
        return new Routes(platform).host();
    }

    /** Builds the route table; one ledger counts the runs of every route. */
    private static final class Routes {
        private final Platform platform;
        private final NodeRegistry registry = ShippedFlows.registry();
        private final RunLedger ledger = new RunLedger();
        private final MemoryStores.Kv kv = new MemoryStores.Kv();
        private final MemoryStores.Blob blobs = new MemoryStores.Blob();
        private final List<FlowRoute> routes = new ArrayList<>();

        Routes(Platform platform) {
            this.platform = platform;
        }

        private FlowRuntime.Builder runtime(FlowIR flow) {
            return platform.runtime(FlowRuntime.builder(flow, registry), ledger);
        }

        /** Flows are built on their route's first request (LazyRuntime), so this only lists them. */
        private LazyRuntime lazy(Supplier<FlowRuntime.Builder> runtime) {
            return LazyRuntime.of(() -> runtime.get().build());
        }

        private void add(String method, String path, Supplier<FlowRuntime.Builder> runtime, String capture,
                         long deadline) {
            routes.add(FlowRoute.of(method, path, lazy(runtime), capture).deadline(deadline));
        }

        HttpHost host() {
            long none = Invocation.NO_DEADLINE;
            add("POST", "/echo", () -> runtime(S1EchoFlow.flow()).plugin(S1EchoFlow.authPlugin()), "responder", 250);
            add("GET", "/health", () -> runtime(HarnessFlows.health()), "health", none);
            add("POST", "/harness/echo", () -> runtime(HarnessEchoFlow.flow()), "respond", none);
            add("GET", "/stream", () -> runtime(HarnessFlows.stream()), "stream", none);
            add("GET", "/cancel", () -> runtime(HarnessFlows.cancel()), "cancel", none);
            routes.add(FlowRoute.of("GET", "/bench/stream", lazy(() -> runtime(HarnessFlows.benchStream())),
                    "bench_stream").payloadFromQuery());
            LazyRuntime meta = lazy(() -> runtime(MetadataEchoFlow.flow()).plugin(MetadataEchoFlow.plugin()));
            routes.add(FlowRoute.of("GET", "/meta", meta, "meta"));
            routes.add(FlowRoute.of("POST", "/meta", meta, "meta"));

            LazyRuntime s2 = lazy(() -> runtime(S2SiteFlow.flow()));
            routes.add(FlowRoute.of("POST", "/site/stream", s2, "stream").deadline(5000));
            routes.add(FlowRoute.of("GET", "/site/stream", s2, "stream").deadline(5000).payloadFromQuery());
            add("POST", "/branch", () -> runtime(S3BranchingFlow.flow()), "capture", 250);
            add("POST", "/preflight", () -> runtime(S4PreflightFlow.flow()), "capture", 250);
            add("POST", "/preflight/kv", () -> runtime(S4PreflightFlow.flow()).resources(Resources.none().withKv(kv)),
                    "capture", 250);
            add("POST", "/unsupported", () -> runtime(S5UnsupportedSurfaceFlow.flow()), "capture", 250);
            Resources withBlob = Resources.none().withBlob(blobs);
            add("POST", "/spill", () -> runtime(S6SpillFlow.flow()).resources(withBlob),
                    "capture", 2000);
            add("POST", "/spill/no-blob", () -> runtime(S6SpillFlow.flow()), "capture", 2000);

            add("POST", "/errors/node-failure", () -> runtime(ErrorFlows.nodeFailure()), "fails", none);
            add("POST", "/errors/missing-output", () -> runtime(ErrorFlows.missingOutput()), "capture", none);
            LazyRuntime echo = lazy(() -> runtime(HarnessEchoFlow.flow()));
            routes.add(FlowRoute.of("POST", "/errors/unknown-trigger", echo, "respond").trigger("nope"));
            routes.add(FlowRoute.of("POST", "/errors/unknown-capture", echo, "nope"));
            add("POST", "/errors/unregistered-node", () -> runtime(ErrorFlows.unregisteredNode()), "ghost", none);
            add("POST", "/errors/invalid-switch", () -> runtime(ErrorFlows.invalidSwitch()), "capture", none);
            add("POST", "/errors/invalid-if", () -> runtime(ErrorFlows.invalidIf()), "capture", none);
            LazyRuntime slow = lazy(() -> runtime(ErrorFlows.slow()));
            routes.add(FlowRoute.of("POST", "/errors/deadline", slow, "capture").deadline(50));
            routes.add(FlowRoute.of("POST", "/harness/slow", slow, "capture"));
            add("GET", "/errors/stream-item", () -> runtime(ErrorFlows.streamItem()), "stream", none);
            routes.add(FlowRoute.of("POST", "/errors/cancelled", slow, "capture").cancelAfter(50));
            // Never the platform's spill storage: this route shows ENV-SPILL-1 on every host.
            add("POST", "/errors/unsupported-spill",
                    () -> runtime(S6SpillFlow.flow()).resources(withBlob).spillStore(null), "capture", 2000);
            return platform.host(routes, ledger);
        }
    }
}
