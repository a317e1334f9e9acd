package dev.flowconf.workers;

import dev.flowconf.kernel.exec.SpillStore;
import java.io.IOException;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.Int8Array;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * Spill storage on the Workers profile (SPILL-HOST-1): one SQLite-backed Durable Object per flow and tier (the
 * {@code FLOWCONF_SPILL} binding, class {@code FlowconfSpill}), reached by RPC. Each opened tier keys its payloads
 * under an id of its own, so concurrent runs of one flow share the object, never a payload. Called from node tasks,
 * which are green threads and may wait ({@link PromiseAwait}).
 */
final class DurableObjectSpill implements SpillStore {
    /** The binding's name in wrangler.toml and in the workerd harness's config. */
    static final String BINDING = "FLOWCONF_SPILL";

    private final JSObject namespace;

    DurableObjectSpill(JSObject namespace) {
        this.namespace = namespace;
    }

    /** The store, when the Worker has the binding; null without it (then the flows that spill answer ENV-SPILL-1). */
    static DurableObjectSpill of(JSObject env) {
        JSObject namespace = binding(env, BINDING);
        return namespace == null ? null : new DurableObjectSpill(namespace);
    }

    @Override
    public Tier open(String flowId, String tier) {
        JSObject object = stub(namespace, flowId + "/" + tier);
        String prefix = randomId() + "/";
        return new Tier() {
            @Override
            public void write(String key, byte[] payload) throws IOException {
                PromiseAwait.value(rpcWrite(object, prefix + key, JavaBytes.view(payload)));
            }

            @Override
            public byte[] take(String key) throws IOException {
                Uint8Array bytes = (Uint8Array) PromiseAwait.value(rpcTake(object, prefix + key));
                if (bytes == null) throw new IOException("no spilled payload `" + key + "` in tier " + tier);
                return JavaBytes.of(new Int8Array(bytes.getBuffer(), bytes.getByteOffset(), bytes.getLength()));
            }
        };
    }

    @JSBody(params = {"env", "name"}, script = "var b = env && env[name]; return b === undefined ? null : b;")
    private static native JSObject binding(JSObject env, String name);

    @JSBody(params = {"namespace", "name"}, script = "return namespace.get(namespace.idFromName(name));")
    private static native JSObject stub(JSObject namespace, String name);

    @JSBody(params = {"object", "key", "bytes"}, script = "return object.write(key, bytes);")
    private static native JSPromise<JSObject> rpcWrite(JSObject object, String key, Uint8Array bytes);

    @JSBody(params = {"object", "key"}, script = "return object.take(key);")
    private static native JSPromise<JSObject> rpcTake(JSObject object, String key);

    @JSBody(script = "return crypto.randomUUID();")
    private static native String randomId();
}
