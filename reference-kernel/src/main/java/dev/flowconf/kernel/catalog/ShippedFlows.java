package dev.flowconf.kernel.catalog;

import dev.flowconf.kernel.ir.FlowIR;
import java.util.List;

/** Every flow flowconf ships, for checks that must hold for all of them (schema, validation). */
public final class ShippedFlows {
    private ShippedFlows() {}

    public static List<FlowIR> all() {
        return List.of(S1EchoFlow.flow(), HarnessEchoFlow.flow());
    }
}
