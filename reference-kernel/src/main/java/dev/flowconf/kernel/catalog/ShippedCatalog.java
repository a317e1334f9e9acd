package dev.flowconf.kernel.catalog;

import dev.flowconf.kernel.exec.FlowRuntime;
import dev.flowconf.kernel.exec.Invocation;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.exec.TaskRunner;
import dev.flowconf.kernel.http.FlowHttpHost;
import dev.flowconf.kernel.http.FlowRoute;
import dev.flowconf.kernel.http.HttpHost;
import java.util.List;

/** The flows every flowconf host serves, at the routes SPEC.md lists. */
public final class ShippedCatalog {
    private ShippedCatalog() {}

    /** Builds the catalog with a thread per node task; hosts build it once and reuse it. */
    public static HttpHost host() {
        return host(TaskRunner.THREAD_PER_TASK);
    }

    /** Builds the catalog running node tasks on the given runner (a JVM host passes a pool). */
    public static HttpHost host(TaskRunner tasks) {
        NodeRegistry registry = ShippedFlows.registry();
        return new FlowHttpHost(List.of(
                FlowRoute.post("/echo", FlowRuntime.builder(S1EchoFlow.flow(), registry)
                        .plugin(S1EchoFlow.authPlugin()).taskRunner(tasks).build(), "responder", 250),
                FlowRoute.post("/harness/echo", FlowRuntime.builder(HarnessEchoFlow.flow(), registry)
                        .taskRunner(tasks).build(), "respond", Invocation.NO_DEADLINE)));
    }
}
