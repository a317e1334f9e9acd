package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.ir.NodeIR;
import java.util.ArrayList;
import java.util.List;

/**
 * A flow ready to serve invocations (upstream HostRuntime): capability preflight on every call,
 * the runtime `lf.*` labels, environment plugins around the run, then the executor.
 */
public final class FlowRuntime {
    private final FlowIR flow;
    private final FlowExecutor executor;
    private final List<EnvironmentPlugin> plugins;
    private final List<String> missingCapabilities;

    public FlowRuntime(FlowIR flow, NodeRegistry registry, List<EnvironmentPlugin> plugins,
                       Capabilities capabilities, Clock clock) {
        this.flow = flow;
        this.executor = new FlowExecutor(flow, registry, clock);
        this.plugins = List.copyOf(plugins);
        List<String> hints = new ArrayList<>();
        for (NodeIR n : flow.nodes()) hints.addAll(n.effectHints());
        this.missingCapabilities = capabilities.missing(hints);
    }

    public FlowIR flow() { return flow; }

    public ExecutionResult execute(Invocation invocation) throws ExecutionError {
        if (!missingCapabilities.isEmpty()) {
            throw ExecutionError.missingCapabilities(missingCapabilities);
        }
        InvocationMetadata metadata = invocation.metadata();
        metadata.putLabelIfAbsent("lf.run_id", RunIds.next())
                .putLabelIfAbsent("lf.flow_id", flow.id())
                .putLabelIfAbsent("lf.trigger_alias", invocation.triggerAlias())
                .putLabelIfAbsent("lf.capture_alias", invocation.captureAlias());
        RunEnvironment environment = new RunEnvironment();
        for (EnvironmentPlugin p : plugins) p.beforeExecute(metadata, environment);
        try {
            return executor.runOnce(invocation, environment);
        } finally {
            for (EnvironmentPlugin p : plugins) p.afterExecute(metadata, environment);
        }
    }
}
