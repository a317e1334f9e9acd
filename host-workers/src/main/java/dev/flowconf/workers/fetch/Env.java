package dev.flowconf.workers.fetch;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSString;

/** The Worker's bindings ({@code env}, the second argument of fetch): text vars from wrangler.toml or workerd. */
public interface Env extends JSObject {
    /** SSE keep-alive interval in milliseconds; JS undefined when the binding is not set. */
    @JSProperty("FLOWCONF_KEEPALIVE_MS")
    JSString getKeepAliveMillis();
}
