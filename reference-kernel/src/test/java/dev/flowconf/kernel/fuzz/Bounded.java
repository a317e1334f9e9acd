package dev.flowconf.kernel.fuzz;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs one call of the code under test on a worker thread with a time limit, so that an input which makes it
 * hang fails the property (with the input) instead of stalling the build. Whatever the call throws, errors
 * such as StackOverflowError included, comes back to the caller unchanged.
 */
public final class Bounded {
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "fuzz-bounded");
        t.setDaemon(true); // a hung call must not keep the test JVM alive
        return t;
    });

    private Bounded() {
    }

    public static <T> T call(Callable<T> call, long limitMillis, Supplier<String> input) throws Throwable {
        Future<T> future = WORKERS.submit(call);
        try {
            return future.get(limitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("no answer within " + limitMillis + " ms for " + input.get());
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }
}
