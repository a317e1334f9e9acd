package dev.flowconf.workers;

import org.teavm.jso.JSBody;
import org.teavm.jso.browser.TimerHandler;
import org.teavm.jso.browser.Window;

/**
 * Runs a write after {@code millis} without one (SSE-KEEPALIVE-1), with one JS timer per stream that is
 * re-armed only when it fires, so frames cost no timer calls. A plain JS timer rather than a timed
 * {@code Object.wait}: TeaVM 0.16 never clears the timeout of a wait that is woken early, so each frame
 * would leave one pending for the whole interval, and workerd caps the pending timeouts of a request.
 * Window's setTimeout/clearTimeout are the global functions, which workerd has too.
 */
final class KeepAliveTimer {
    private final long millis;
    private final Runnable write;
    private final TimerHandler onTimer = this::fire;
    /** Date.now(), a double: System.currentTimeMillis() is a long, which TeaVM makes a BigInt, on every frame. */
    private double lastWrite = now();
    private int timer;
    private boolean stopped;

    /** @param millis at most Integer.MAX_VALUE (setTimeout's limit); checked by {@link KeepAliveSetting} */
    KeepAliveTimer(long millis, Runnable write) {
        this.millis = millis;
        this.write = write;
        arm(millis);
    }

    /** Something was written: the silence starts again. */
    void wrote() {
        lastWrite = now();
    }

    void stop() {
        stopped = true;
        Window.clearTimeout(timer);
    }

    private void arm(long delay) {
        timer = Window.setTimeout(onTimer, (int) delay);
    }

    private void fire() {
        if (stopped) {
            return;
        }
        double silent = now() - lastWrite;
        if (silent >= millis) {
            write.run();
            wrote();
            arm(millis);
        } else {
            arm(millis - (long) silent);
        }
    }

    @JSBody(script = "return Date.now();")
    private static native double now();
}
