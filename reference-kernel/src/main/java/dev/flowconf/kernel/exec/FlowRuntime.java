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
    /** An array: looping over it makes no iterator, an allocation per loop under TeaVM. */
    private final EnvironmentPlugin[] plugins;
    private final Resources resources;
    private final RunObserver observer;
    private final List<String> missingCapabilities;

    private FlowRuntime(Builder b) {
        this.flow = b.flow;
        this.executor = new FlowExecutor(b.flow, b.registry, b.settings, b.spillStore, b.taskRunner);
        this.plugins = b.plugins.toArray(new EnvironmentPlugin[0]);
        this.resources = b.resources;
        this.observer = b.observer;
        List<String> hints = new ArrayList<>();
        for (NodeIR n : flow.nodes()) hints.addAll(n.effectHints());
        this.missingCapabilities = resources.missing(hints);
    }

    public static Builder builder(FlowIR flow, NodeRegistry registry) {
        return new Builder(flow, registry);
    }

    public FlowIR flow() { return flow; }

    /**
     * Whether {@link #execute} answers this invocation without waiting: a capability failure, or a straight
     * line of non-blocking nodes. A host without real threads may then call it outside of one.
     */
    public boolean answersWithoutWaiting(Invocation invocation) {
        return !missingCapabilities.isEmpty() || executor.runsInline(invocation);
    }

    public ExecutionResult execute(Invocation invocation) throws ExecutionError {
        InvocationMetadata metadata = labelled(invocation);
        RunEnvironment environment = new RunEnvironment();
        for (EnvironmentPlugin p : plugins) p.beforeExecute(metadata, environment);
        try {
            return executor.runOnce(invocation, environment, resources, observer);
        } finally {
            for (EnvironmentPlugin p : plugins) p.afterExecute(metadata, environment);
        }
    }

    /**
     * {@link #execute} for an invocation {@link #answersWithoutWaiting} said yes to, through code that never calls
     * anything that may block (see {@link FlowExecutor#runInline}); it repeats execute's plugin lines for that reason.
     */
    public ExecutionResult executeInline(Invocation invocation) throws ExecutionError {
        InvocationMetadata metadata = labelled(invocation);
        RunEnvironment environment = new RunEnvironment();
        for (EnvironmentPlugin p : plugins) p.beforeExecute(metadata, environment);
        try {
            return executor.runInline(invocation, environment, resources, observer);
        } finally {
            for (EnvironmentPlugin p : plugins) p.afterExecute(metadata, environment);
        }
    }

    /** The capability preflight, then the runtime labels; the invocation's metadata. */
    private InvocationMetadata labelled(Invocation invocation) throws ExecutionError {
        if (!missingCapabilities.isEmpty()) {
            throw ExecutionError.missingCapabilities(missingCapabilities);
        }
        InvocationMetadata metadata = invocation.metadata();
        metadata.putLazyLabelIfAbsent("lf.run_id", RunIds::next)
                .putLabelIfAbsent("lf.flow_id", flow.id())
                .putLabelIfAbsent("lf.trigger_alias", invocation.triggerAlias())
                .putLabelIfAbsent("lf.capture_alias", invocation.captureAlias());
        return metadata;
    }

    /** Optional parts default to: no plugins, no resources, no spill store, upstream queue sizes,
     * a thread per node task. */
    public static final class Builder {
        private final FlowIR flow;
        private final NodeRegistry registry;
        private final List<EnvironmentPlugin> plugins = new ArrayList<>();
        private Resources resources = Resources.none();
        private SpillStore spillStore;
        private ExecutorSettings settings = ExecutorSettings.defaults();
        private TaskRunner taskRunner = TaskRunner.THREAD_PER_TASK;
        private RunObserver observer = RunObserver.NONE;

        private Builder(FlowIR flow, NodeRegistry registry) {
            this.flow = flow;
            this.registry = registry;
        }

        public Builder plugin(EnvironmentPlugin plugin) {
            plugins.add(plugin);
            return this;
        }

        public Builder resources(Resources r) {
            resources = r;
            return this;
        }

        public Builder spillStore(SpillStore store) {
            spillStore = store;
            return this;
        }

        public Builder settings(ExecutorSettings s) {
            settings = s;
            return this;
        }

        public Builder taskRunner(TaskRunner runner) {
            taskRunner = runner;
            return this;
        }

        public Builder observer(RunObserver o) {
            observer = o;
            return this;
        }

        public FlowRuntime build() {
            return new FlowRuntime(this);
        }
    }
}
