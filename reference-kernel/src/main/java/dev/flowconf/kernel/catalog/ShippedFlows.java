package dev.flowconf.kernel.catalog;

import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.ir.FlowIR;
import java.util.List;

/** Every flow flowconf ships, and one registry holding all their node implementations. */
public final class ShippedFlows {
    private ShippedFlows() {}

    /** The valid flows: upstream's examples s1–s6, the harness flows, the error flows that validate. */
    public static List<FlowIR> all() {
        return List.of(S1EchoFlow.flow(), S2SiteFlow.flow(), S3BranchingFlow.flow(), S4PreflightFlow.flow(),
                S5UnsupportedSurfaceFlow.flow(), S6SpillFlow.flow(), HarnessEchoFlow.flow(),
                HarnessFlows.health(), HarnessFlows.stream(), HarnessFlows.cancel(), HarnessFlows.benchStream(),
                MetadataEchoFlow.flow(),
                ErrorFlows.nodeFailure(), ErrorFlows.missingOutput(), ErrorFlows.unregisteredNode(), ErrorFlows.slow(),
                ErrorFlows.streamItem());
    }

    /** Flows shipped invalid on purpose, so the runtime's CTRL110/CTRL120 answers have routes. */
    public static List<FlowIR> deliberatelyInvalid() {
        return List.of(ErrorFlows.invalidSwitch(), ErrorFlows.invalidIf());
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
        MetadataEchoFlow.register(registry);
        ErrorFlows.register(registry);
        return registry;
    }
}
