package dev.flowconf.kernel.http;

/**
 * What every host adapter calls: one HTTP request in, one response out. The routing, the
 * request-to-Invocation mapping and the error envelope live behind it, so both hosts share them.
 */
public interface HttpHost {
    HttpResponse handle(HttpRequest request);
}
