package dev.flowconf.workers;

import dev.flowconf.kernel.exec.TaskRunner;
import dev.flowconf.workers.fetch.Workers;
import java.util.concurrent.Callable;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSUndefined;

/**
 * Starts every TeaVM green thread of the host, kernel tasks included, and has workerd wait for it. workerd
 * knows nothing of those threads: once a response has ended, or its client has left (which it notices on a
 * failed write or a reset connection), it drops the request together with the timers that the threads still
 * need to wake up, so a cancelled run would never stop and a finished one never be reported to the probe.
 * {@code waitUntil} applies to the request whose event is running, which is the one that started the thread.
 */
final class RequestThreads implements TaskRunner {
    static <T> JSPromise<T> call(Callable<T> body) {
        JSPromise<T> done = JSPromise.callAsync(body);
        Workers.waitUntil(done);
        return done;
    }

    static JSPromise<JSUndefined> run(Runnable body) {
        JSPromise<JSUndefined> done = JSPromise.runAsync(body);
        Workers.waitUntil(done);
        return done;
    }

    /** The kernel's node tasks and run-end reports. */
    @Override
    public void run(String name, Runnable task) {
        run(task);
    }
}
