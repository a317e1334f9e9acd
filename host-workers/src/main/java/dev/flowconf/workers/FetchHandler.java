package dev.flowconf.workers;

import dev.flowconf.kernel.catalog.ShippedCatalog;
import dev.flowconf.kernel.http.HttpHost;
import dev.flowconf.kernel.http.HttpResponse;
import dev.flowconf.workers.fetch.Console;
import dev.flowconf.workers.fetch.Env;
import dev.flowconf.workers.fetch.Headers;
import dev.flowconf.workers.fetch.Request;
import dev.flowconf.workers.fetch.Response;
import dev.flowconf.workers.fetch.ResponseInit;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;

/** The Worker's {@code fetch}: one JS request in, the kernel's answer out, never an uncaught error. */
public final class FetchHandler {
    /** Built on the first request, once per isolate (statics live as long as the isolate). */
    private static HttpHost host;

    private FetchHandler() {}

    /**
     * Exported as the ES module's {@code fetch}; entry.mjs re-exports it as the Worker's default handler.
     * The handler runs as a TeaVM green thread, so kernel code may block on promises.
     */
    @JSExport
    public static JSPromise<Response> fetch(Request request, Env env, JSObject ctx) {
        return RequestThreads.call(() -> respond(request, env));
    }

    private static Response respond(Request request, Env env) {
        try {
            HttpHost catalog = host(env);
            HttpResponse answer;
            ClientWatch client = ClientWatch.of(request.getSignal());
            try {
                answer = catalog.handle(FetchAdapter.toHttpRequest(request, client.token()));
            } finally {
                // A value run is over; a stream learns of a vanished client from its body's cancel().
                client.close();
            }
            return FetchAdapter.toResponse(answer, request.getMethod());
        } catch (Throwable failure) {
            // A rejected promise would surface as workerd's own error page and may poison the isolate.
            Console.error("flowconf: internal host error: " + StackTraces.render(failure));
            return internalError();
        }
    }

    /** Nothing suspends between the check and the assignment, so concurrent requests cannot both build it. */
    private static HttpHost host(Env env) {
        if (host == null) {
            host = ShippedCatalog.host(ShippedCatalog.Platform.defaults()
                    .withTasks(new RequestThreads())
                    .withKeepAliveMillis(KeepAliveSetting.millis(env)));
        }
        return host;
    }

    private static Response internalError() {
        Headers headers = new Headers();
        headers.append("content-type", "application/json");
        return new Response("{\"error\":\"internal host error\"}", ResponseInit.create(500, headers));
    }
}
