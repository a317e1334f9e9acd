package dev.flowconf.workers;

import dev.flowconf.kernel.http.FlowHttpHost;
import dev.flowconf.kernel.http.KeepAliveInterval;
import dev.flowconf.workers.fetch.Env;
import org.teavm.jso.core.JSObjects;
import org.teavm.jso.core.JSString;

/** The SSE keep-alive interval from the text binding FLOWCONF_KEEPALIVE_MS (SPEC's 15 s when unset). */
final class KeepAliveSetting {
    static final String BINDING = "FLOWCONF_KEEPALIVE_MS";

    private KeepAliveSetting() {}

    static long millis(Env env) {
        JSString value = env.getKeepAliveMillis();
        if (JSObjects.isUndefined(value)) {
            return FlowHttpHost.DEFAULT_KEEP_ALIVE_MILLIS;
        }
        return KeepAliveInterval.parseMillis(value.stringValue(), BINDING);
    }
}
