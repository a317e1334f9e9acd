package dev.flowconf.workers;

import dev.flowconf.kernel.catalog.ShippedCatalog;
import dev.flowconf.kernel.http.FlowHttpHost;
import dev.flowconf.kernel.http.HttpHost;
import dev.flowconf.kernel.http.HttpRequest;
import dev.flowconf.kernel.http.HttpResponse;
import dev.flowconf.kernel.http.RequestBody;
import dev.flowconf.workers.fetch.Console;
import dev.flowconf.workers.fetch.Env;
import dev.flowconf.workers.fetch.Headers;
import dev.flowconf.workers.fetch.Request;
import dev.flowconf.workers.fetch.Response;
import dev.flowconf.workers.fetch.ResponseInit;
import java.util.function.Function;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * The Worker's {@code fetch}: one JS request in, the kernel's answer out, never an uncaught error.
 *
 * <p>A request whose answer needs no waiting (a flow that runs inline, a 404, the probe) is answered in the
 * JS turn that read its body. Anything else runs on a TeaVM green thread, where kernel code may block: each
 * thread starts through a timer, which costs more than the whole inline answer.
 */
public final class FetchHandler {
    private static final byte[] NO_BYTES = new byte[0];

    /** Built on the first request, once per isolate (statics live as long as the isolate). */
    private static HttpHost host;

    /** What the Worker serves on its platform: SPEC.md's routes, unless a project serves its own ({@link #serve}). */
    private static Function<ShippedCatalog.Platform, HttpHost> catalog = ShippedCatalog::host;

    /**
     * For a project's own Worker (its TeaVM main class calls this before its first request, then delegates its
     * exports to {@link #fetch}, {@link #spillWrite} and {@link #spillTake}): what to serve instead of SPEC.md's
     * routes, e.g. {@code platform -> bundle.host(registry, platform)} for a {@link dev.flowconf.kernel.bundle.FlowBundle}.
     */
    public static void serve(Function<ShippedCatalog.Platform, HttpHost> what) {
        catalog = what;
        host = null;
    }

    /** Made once, not per request (see LimitedBodyRead.Then); {@link #fetch} has set {@link #host} before either runs. */
    private static final LimitedBodyRead.Then ANSWER =
            (request, body) -> answer(host, request, LimitedBodyRead.toRequestBody(body));
    private static final LimitedBodyRead.Failed BODY_READ_FAILED =
            (request, failure) -> FetchAdapter.toResponse(FlowHttpHost.bodyReadFailure(failure), request.getMethod());
    private static final LimitedBodyRead.Callbacks BODY_READ = new LimitedBodyRead.Callbacks(ANSWER, BODY_READ_FAILED);

    private FetchHandler() {}

    /** Exported as the ES module's {@code fetch}; entry.mjs re-exports it as the Worker's default handler. */
    @JSExport
    public static JSPromise<Response> fetch(Request request, Env env, JSObject ctx) {
        try {
            HttpHost catalog = host(env);
            if (request.getBody() == null) {
                return asResponse(JSPromise.resolve(answer(catalog, request, RequestBody.of(NO_BYTES))));
            }
            return asResponse(LimitedBodyRead.read(request, BODY_READ));
        } catch (Throwable failure) {
            return JSPromise.resolve(internalError(failure));
        }
    }

    /** The Response, or a promise of it when the run waits on a green thread. */
    private static JSObject answer(HttpHost catalog, Request request, RequestBody body) {
        try {
            HttpRequest plain = FetchAdapter.toHttpRequest(request, body);
            HttpResponse direct = catalog.handleWithoutWaiting(plain);
            if (direct != null) {
                return FetchAdapter.toResponse(direct, plain.method()); // read once: each read crosses from JS
            }
            return RequestThreads.call(() -> answerOnThread(catalog, request, plain));
        } catch (Throwable failure) {
            return internalError(failure);
        }
    }

    /** A promise of a Response-or-promise settles to the Response (JS promises flatten). */
    @JSBody(params = "promise", script = "return promise;")
    private static native JSPromise<Response> asResponse(JSPromise<JSObject> promise);

    private static Response answerOnThread(HttpHost catalog, Request request, HttpRequest plain) {
        try {
            HttpResponse answer;
            ClientWatch client = ClientWatch.of(request.getSignal());
            try {
                answer = catalog.handle(plain.withClient(client.token()));
            } finally {
                // A value run is over; a stream learns of a vanished client from its body's cancel().
                client.close();
            }
            return FetchAdapter.toResponse(answer, plain.method());
        } catch (Throwable failure) {
            return internalError(failure);
        }
    }

    /** Nothing suspends between the check and the assignment, so concurrent requests cannot both build it. */
    private static HttpHost host(Env env) {
        if (host == null) {
            ShippedCatalog.Platform platform = ShippedCatalog.Platform.defaults()
                    .withTasks(new RequestThreads())
                    .withKeepAliveMillis(KeepAliveSetting.millis(env));
            DurableObjectSpill spill = DurableObjectSpill.of(env);
            host = catalog.apply(spill == null ? platform : platform.withSpill(spill));
        }
        return host;
    }

    /**
     * Exported for entry.mjs's {@code FlowconfSpill} Durable Object, which workerd instantiates in its own isolate
     * context: its {@code write} (SPILL-HOST-1's storage; see DurableSpillStorage).
     */
    @JSExport
    public static void spillWrite(JSObject storage, String key, Uint8Array bytes) {
        DurableSpillStorage.write(storage, key, bytes);
    }

    /** Exported for entry.mjs's {@code FlowconfSpill}: its {@code take}, null when the key holds nothing. */
    @JSExport
    public static Uint8Array spillTake(JSObject storage, String key) {
        return DurableSpillStorage.take(storage, key);
    }

    /** A rejected promise would surface as workerd's own error page and may poison the isolate. */
    private static Response internalError(Throwable failure) {
        Console.error("flowconf: internal host error: " + StackTraces.render(failure));
        Headers headers = new Headers();
        headers.append("content-type", "application/json");
        return new Response("{\"error\":\"internal host error\"}", ResponseInit.create(500, headers));
    }
}
