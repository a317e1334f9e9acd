package dev.flowconf.examples.greeting;

import dev.flowconf.kernel.bundle.BundleException;
import dev.flowconf.kernel.bundle.FlowBundle;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.workers.FetchHandler;
import dev.flowconf.workers.fetch.Env;
import dev.flowconf.workers.fetch.Request;
import dev.flowconf.workers.fetch.Response;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * The example's Worker: TeaVM's main class, whose exports entry.mjs re-exports. It hands the host library its own
 * bundle (which entry.mjs imports as text) and its nodes; everything else is the library's ({@link FetchHandler}).
 */
public final class GreetingWorker {
    private GreetingWorker() {}

    /** Called once by entry.mjs, when the module loads; a bundle with problems stops the Worker there. */
    @JSExport
    public static void useBundle(String json) {
        NodeRegistry registry = new NodeRegistry();
        new GreetingNodes().register(registry);
        FlowBundle bundle;
        try {
            bundle = FlowBundle.read(json, registry);
        } catch (BundleException e) {
            throw new IllegalStateException("greeting.bundle.json cannot be served: " + String.join("; ", e.problems()));
        }
        FetchHandler.serve(platform -> bundle.host(registry, platform));
    }

    // TeaVM exports only the main class's own static methods, so the library's three entry points are delegated here
    // by hand: the one repetition of FetchHandler that a project of its own has to write.

    @JSExport
    public static JSPromise<Response> fetch(Request request, Env env, JSObject ctx) {
        return FetchHandler.fetch(request, env, ctx);
    }

    @JSExport
    public static void spillWrite(JSObject storage, String key, Uint8Array bytes) {
        FetchHandler.spillWrite(storage, key, bytes);
    }

    @JSExport
    public static Uint8Array spillTake(JSObject storage, String key) {
        return FetchHandler.spillTake(storage, key);
    }
}
