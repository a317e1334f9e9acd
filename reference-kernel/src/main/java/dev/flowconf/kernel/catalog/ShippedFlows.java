package dev.flowconf.kernel.catalog;

import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.ir.FlowIR;
import java.util.List;

/** Every flow flowconf ships, and one registry holding all their node implementations. */
public final class ShippedFlows {
    private ShippedFlows() {}

    public static List<FlowIR> all() {
        return List.of(S1EchoFlow.flow(), S2SiteFlow.flow(), S3BranchingFlow.flow(), S4PreflightFlow.flow(),
                S5UnsupportedSurfaceFlow.flow(), S6SpillFlow.flow(), HarnessEchoFlow.flow(),
                HarnessFlows.health(), HarnessFlows.stream(), HarnessFlows.cancel());
    }

    public static NodeRegistry registry() {
        NodeRegistry registry = new NodeRegistry();
        S1EchoFlow.register(registry);
        S2SiteFlow.register(registry);
        S3BranchingFlow.register(registry);
        S4PreflightFlow.register(registry);
        S5UnsupportedSurfaceFlow.register(registry);
        S6SpillFlow.register(registry);
        HarnessEchoFlow.register(registry);
        HarnessFlows.register(registry);
        return registry;
    }
}
