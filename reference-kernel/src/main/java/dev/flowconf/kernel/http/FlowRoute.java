package dev.flowconf.kernel.http;

import dev.flowconf.kernel.exec.CancellationToken;
import dev.flowconf.kernel.exec.FlowRuntime;
import dev.flowconf.kernel.exec.Invocation;
import dev.flowconf.kernel.json.JsonValue;

/** One entrypoint: an HTTP method and exact path bound to a flow's trigger and capture. */
public final class FlowRoute {
    private final String method;
    private final String path;
    private final LazyRuntime runtime;
    private final String triggerAlias;
    private final String captureAlias;
    private final long deadlineMillis;
    private final boolean payloadFromQuery;
    private final long cancelAfterMillis;
    /** Asked on every Workers request, so worked out once (on the first, which builds the flow anyway). */
    private Boolean answersWithoutWaiting;

    private FlowRoute(String method, String path, LazyRuntime runtime, String triggerAlias, String captureAlias,
                      long deadlineMillis, boolean payloadFromQuery, long cancelAfterMillis) {
        this.method = method;
        this.path = path;
        this.runtime = runtime;
        this.triggerAlias = triggerAlias;
        this.captureAlias = captureAlias;
        this.deadlineMillis = deadlineMillis;
        this.payloadFromQuery = payloadFromQuery;
        this.cancelAfterMillis = cancelAfterMillis;
    }

    /** A route with upstream's defaults: trigger alias `trigger`, no deadline. */
    public static FlowRoute of(String method, String path, FlowRuntime runtime, String captureAlias) {
        return of(method, path, LazyRuntime.built(runtime), captureAlias);
    }

    /** A route whose flow is built on its first request. */
    public static FlowRoute of(String method, String path, LazyRuntime runtime, String captureAlias) {
        return new FlowRoute(method, path, runtime, "trigger", captureAlias, Invocation.NO_DEADLINE, false, -1);
    }

    public FlowRoute deadline(long millis) {
        return new FlowRoute(method, path, runtime, triggerAlias, captureAlias, millis, payloadFromQuery, cancelAfterMillis);
    }

    public FlowRoute trigger(String alias) {
        return new FlowRoute(method, path, runtime, alias, captureAlias, deadlineMillis, payloadFromQuery, cancelAfterMillis);
    }

    /**
     * The payload is the query string as an object of first values (`?site=alpha` → {"site":"alpha"})
     * instead of the body: how a browser's EventSource, which can only GET, reaches a flow.
     */
    public FlowRoute payloadFromQuery() {
        return new FlowRoute(method, path, runtime, triggerAlias, captureAlias, deadlineMillis, true, cancelAfterMillis);
    }

    /** The host cancels the run after this long, as if the client had left (the 503 route). */
    public FlowRoute cancelAfter(long millis) {
        return new FlowRoute(method, path, runtime, triggerAlias, captureAlias, deadlineMillis, payloadFromQuery, millis);
    }

    public String method() { return method; }
    public String path() { return path; }
    FlowRuntime runtime() { return runtime.get(); }
    boolean takesPayloadFromQuery() { return payloadFromQuery; }
    long cancelAfterMillis() { return cancelAfterMillis; }

    /** The run never waits (no timer of its own, a flow that runs inline): see FlowRuntime. */
    boolean answersWithoutWaiting() {
        Boolean answer = answersWithoutWaiting;
        if (answer == null) {
            answer = cancelAfterMillis < 0 && runtime().answersWithoutWaiting(invocationFor(null, null));
            answersWithoutWaiting = answer;
        }
        return answer;
    }

    Invocation invocationFor(JsonValue payload, CancellationToken client) {
        return Invocation.of(triggerAlias, captureAlias, payload, deadlineMillis, client);
    }
}
