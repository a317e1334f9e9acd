package dev.flowconf.kernel.exec;

/** What a running node may see of its run: cancellation and the per-run environment. */
public final class NodeContext {
    private final CancellationToken cancellation;
    private final RunEnvironment environment;

    NodeContext(CancellationToken cancellation, RunEnvironment environment) {
        this.cancellation = cancellation;
        this.environment = environment;
    }

    public boolean isCancelled() { return cancellation.isCancelled(); }
    public RunEnvironment environment() { return environment; }
}
