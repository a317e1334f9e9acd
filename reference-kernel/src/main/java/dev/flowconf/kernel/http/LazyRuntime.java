package dev.flowconf.kernel.http;

import dev.flowconf.kernel.exec.FlowRuntime;
import java.util.function.Supplier;

/**
 * A route's flow, planned on its first request rather than when the host starts: a fresh Workers isolate
 * answers its first request after building one flow instead of the whole catalog.
 */
public final class LazyRuntime implements Supplier<FlowRuntime> {
    private final Supplier<FlowRuntime> build;
    private volatile FlowRuntime runtime;

    private LazyRuntime(Supplier<FlowRuntime> build, FlowRuntime runtime) {
        this.build = build;
        this.runtime = runtime;
    }

    public static LazyRuntime of(Supplier<FlowRuntime> build) {
        return new LazyRuntime(build, null);
    }

    static LazyRuntime built(FlowRuntime runtime) {
        return new LazyRuntime(null, runtime);
    }

    /**
     * Builds at most once; building never waits, so the monitor is only ever briefly held. Built, it takes no lock:
     * under TeaVM each entry to a monitor makes an object, and every request asks.
     */
    @Override
    public FlowRuntime get() {
        FlowRuntime built = runtime;
        if (built != null) return built;
        synchronized (this) {
            if (runtime == null) runtime = build.get();
            return runtime;
        }
    }
}
