package dev.flowconf.kernel.http;

import dev.flowconf.kernel.exec.FlowRuntime;
import dev.flowconf.kernel.exec.Invocation;
import dev.flowconf.kernel.json.JsonValue;

/** One entrypoint: an HTTP method and exact path bound to a flow's trigger and capture. */
public final class FlowRoute {
    private final String method;
    private final String path;
    private final FlowRuntime runtime;
    private final String triggerAlias;
    private final String captureAlias;
    private final long deadlineMillis;

    public FlowRoute(String method, String path, FlowRuntime runtime, String triggerAlias, String captureAlias,
                     long deadlineMillis) {
        this.method = method;
        this.path = path;
        this.runtime = runtime;
        this.triggerAlias = triggerAlias;
        this.captureAlias = captureAlias;
        this.deadlineMillis = deadlineMillis;
    }

    /** Upstream defaults: trigger `trigger`, capture `respond`, no deadline. */
    public static FlowRoute post(String path, FlowRuntime runtime, String captureAlias, long deadlineMillis) {
        return new FlowRoute("POST", path, runtime, "trigger", captureAlias, deadlineMillis);
    }

    public String method() { return method; }
    public String path() { return path; }
    public FlowRuntime runtime() { return runtime; }

    Invocation invocationFor(JsonValue payload) {
        return Invocation.of(triggerAlias, captureAlias, payload).withDeadlineMillis(deadlineMillis);
    }
}
