package dev.flowconf.workers;

import dev.flowconf.kernel.exec.CancellationToken;
import dev.flowconf.workers.fetch.AbortSignal;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;

/**
 * One request's client token (CANCEL-2): cancelled when workerd aborts {@code request.signal}, which it does
 * once it notices the client left: at a failed write or a reset connection, never at a graceful close before
 * the answer is written. {@link #close()} removes the listener once the kernel has answered.
 */
final class ClientWatch {
    /** The kernel counts runs stopped for this reason as cancelled by their client (FlowExecutor.CLIENT_GONE). */
    private static final String CLIENT_GONE = "client_gone";

    private final AbortSignal signal;
    private final CancellationToken token = new CancellationToken();
    // One Java object, so removeEventListener gets the very JS function addEventListener got (TeaVM caches it).
    private final EventListener<Event> onAbort = event -> cancel();

    private ClientWatch(AbortSignal signal) {
        this.signal = signal;
    }

    static ClientWatch of(AbortSignal signal) {
        ClientWatch watch = new ClientWatch(signal);
        if (signal.isAborted()) {
            watch.cancel();
        } else {
            signal.addEventListener("abort", watch.onAbort);
        }
        return watch;
    }

    CancellationToken token() {
        return token;
    }

    void close() {
        signal.removeEventListener("abort", onAbort);
    }

    /** Off the JS event, on a green thread: the kernel's listeners take monitors, which may have to wait. */
    private void cancel() {
        RequestThreads.run(() -> token.cancel(CLIENT_GONE));
    }
}
