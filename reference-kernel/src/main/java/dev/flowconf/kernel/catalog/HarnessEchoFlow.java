package dev.flowconf.kernel.catalog;

import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.ir.FlowIR;

/**
 * The upstream workerd-harness echo flow: trigger → respond, both pass-through, so the response is
 * the request payload as the host parsed it. Served at its own path because s1 owns `/echo`.
 */
public final class HarnessEchoFlow {
    public static final String ID = "a0db8db3-6002-5af6-8dc8-4d5f2bf31bbe";
    private static final String CRATE = "harness_echo::";

    private HarnessEchoFlow() {}

    public static FlowIR flow() {
        return new FlowBuilder(ID, "harness_echo_flow", "Returns the request body unchanged")
                .trigger("trigger", CRATE + "http_trigger", "HttpTrigger").add()
                .inline("respond", CRATE + "respond", "Respond").behaviour("pure", "strict").add()
                .connect("trigger", "respond")
                .build();
    }

    public static void register(NodeRegistry registry) {
        registry.registerNonBlocking(CRATE + "http_trigger", (input, ctx) -> input)
                .registerNonBlocking(CRATE + "respond", (input, ctx) -> input);
    }
}
