package dev.flowconf.harness.workerd;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A workerd process serving on 127.0.0.1; close() stops it. */
public final class RunningWorkerd implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final int TAIL_LINES = 40;

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Thread stopOnJvmExit;
    private volatile Duration startupTime = Duration.ZERO;
    private boolean closed;

    RunningWorkerd(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        // A JVM that exits without close() (a crashed test run, Ctrl-C) must not leave workerd holding the port.
        this.stopOnJvmExit = new Thread(this::close, "stop workerd pid " + process.pid());
        Runtime.getRuntime().addShutdownHook(stopOnJvmExit);
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** workerd's stdout and stderr together (console output of the Worker included). */
    public Path logFile() {
        return logFile;
    }

    /** From spawning the process to the first answer on the port. */
    public Duration startupTime() {
        return startupTime;
    }

    void startupTime(Duration measured) {
        this.startupTime = measured;
    }

    /** Blocks until workerd exits by itself or is stopped; returns its exit code. */
    int awaitExit() throws InterruptedException {
        return process.waitFor();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** SIGKILL at once, as a crash or an evicted machine would end it (tests of what survives); then closed. */
    public synchronized void kill() throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        close();
    }

    /** SIGTERM, up to 5 s to exit, then SIGKILL. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Snapshot first: when the npm wrapper was spawned, the native workerd is its child.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnJvmExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // close() is running from that very hook
        }
    }

    /** The last lines of a log, for error messages. */
    static String tail(Path log) {
        try {
            // Decoded leniently: a Worker may log anything.
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
