package dev.flowconf.kernel.http;

/**
 * What every host adapter calls: one HTTP request in, one response out. The routing, the
 * request-to-Invocation mapping and the error envelope live behind it, so both hosts share them.
 */
public interface HttpHost {
    HttpResponse handle(HttpRequest request);

    /**
     * Whether {@link #handle} answers this request without waiting on a task, timer or lock held elsewhere,
     * so a host whose threads are costly (TeaVM's green threads on Workers) may call it directly.
     */
    default boolean answersWithoutWaiting(HttpRequest request) {
        return false;
    }

    /**
     * {@link #handle}'s answer to a request that {@link #answersWithoutWaiting} said yes to, which an implementation may
     * give through code that never blocks (TeaVM then compiles it as a plain function, not a resumable one).
     */
    HttpResponse handleWithoutWaiting(HttpRequest request);
}
