package dev.flowconf.kernel.http;

/**
 * What every host adapter calls: one HTTP request in, one response out. The routing, the
 * request-to-Invocation mapping and the error envelope live behind it, so both hosts share them.
 */
public interface HttpHost {
    HttpResponse handle(HttpRequest request);

    /**
     * {@link #handle}'s answer when it needs no waiting on a task, timer or lock held elsewhere (the probe, a 404 or 405,
     * a limit, a route whose flow runs inline), else null and nothing done: the caller then calls {@link #handle}, where
     * it may wait. A host whose threads are costly (TeaVM's green threads on Workers) calls this first, outside of one;
     * an implementation may answer through code that never blocks (TeaVM then compiles it as a plain function, not a
     * resumable one). One call decides and answers, so the route is looked up once.
     */
    HttpResponse handleWithoutWaiting(HttpRequest request);
}
