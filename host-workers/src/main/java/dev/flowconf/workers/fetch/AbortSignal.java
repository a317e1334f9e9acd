package dev.flowconf.workers.fetch;

import org.teavm.jso.JSProperty;
import org.teavm.jso.dom.events.EventTarget;

/** {@code request.signal}: workerd aborts it when the client goes away (needs the enable_request_signal flag). */
public interface AbortSignal extends EventTarget {
    @JSProperty
    boolean isAborted();
}
