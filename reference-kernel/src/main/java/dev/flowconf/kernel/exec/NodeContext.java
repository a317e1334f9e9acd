package dev.flowconf.kernel.exec;

/** What a running node may see of its run: cancellation, the per-run environment, resources. */
public final class NodeContext {
    private final CancellationToken cancellation;
    private final RunEnvironment environment;
    private final Resources resources;

    NodeContext(CancellationToken cancellation, RunEnvironment environment, Resources resources) {
        this.cancellation = cancellation;
        this.environment = environment;
        this.resources = resources;
    }

    public boolean isCancelled() { return cancellation.isCancelled(); }

    /** Sleeps, waking early when the run is cancelled; false means cancelled. */
    public boolean sleep(long millis) { return cancellation.sleep(millis); }

    public RunEnvironment environment() { return environment; }
    public Resources resources() { return resources; }
    CancellationToken token() { return cancellation; }
}
