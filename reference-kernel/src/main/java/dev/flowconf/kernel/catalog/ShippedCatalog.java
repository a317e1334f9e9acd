package dev.flowconf.kernel.catalog;

import dev.flowconf.kernel.exec.FlowRuntime;
import dev.flowconf.kernel.exec.Invocation;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.http.FlowHttpHost;
import dev.flowconf.kernel.http.FlowRoute;
import dev.flowconf.kernel.http.HttpHost;
import java.util.List;

/** The flows every flowconf host serves, at the routes SPEC.md lists. */
public final class ShippedCatalog {
    private ShippedCatalog() {}

    /** Builds the catalog; hosts call this once and reuse the result for every request. */
    public static HttpHost host() {
        NodeRegistry registry = ShippedFlows.registry();
        return new FlowHttpHost(List.of(
                FlowRoute.post("/echo",
                        FlowRuntime.builder(S1EchoFlow.flow(), registry).plugin(S1EchoFlow.authPlugin()).build(),
                        "responder", 250),
                FlowRoute.post("/harness/echo", FlowRuntime.builder(HarnessEchoFlow.flow(), registry).build(),
                        "respond", Invocation.NO_DEADLINE)));
    }
}
