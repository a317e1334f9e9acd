package dev.flowconf.workers;

import dev.flowconf.kernel.catalog.ShippedCatalog;
import dev.flowconf.kernel.http.HttpHost;
import dev.flowconf.workers.fetch.Console;
import dev.flowconf.workers.fetch.Headers;
import dev.flowconf.workers.fetch.Request;
import dev.flowconf.workers.fetch.Response;
import dev.flowconf.workers.fetch.ResponseInit;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;

/** The Worker's {@code fetch}: one JS request in, the kernel's answer out, never an uncaught error. */
public final class FetchHandler {
    private FetchHandler() {}

    /**
     * Exported as the ES module's {@code fetch}; entry.mjs re-exports it as the Worker's default handler.
     * callAsync runs the handler as a TeaVM green thread, so kernel code may block on promises.
     */
    @JSExport
    public static JSPromise<Response> fetch(Request request, JSObject env, JSObject ctx) {
        return JSPromise.callAsync(() -> respond(request));
    }

    private static Response respond(Request request) {
        try {
            return FetchAdapter.toResponse(Catalog.HOST.handle(FetchAdapter.toHttpRequest(request)),
                    request.getMethod());
        } catch (Throwable failure) {
            // A rejected promise would surface as workerd's own error page and may poison the isolate.
            Console.error("flowconf: internal host error: " + StackTraces.render(failure));
            return internalError();
        }
    }

    private static Response internalError() {
        Headers headers = new Headers();
        headers.append("content-type", "application/json");
        return new Response("{\"error\":\"internal host error\"}", ResponseInit.create(500, headers));
    }

    /** Built once per isolate, on first use, so that a failing catalog answers 500 instead of breaking fetch. */
    private static final class Catalog {
        static final HttpHost HOST = ShippedCatalog.host();
    }
}
