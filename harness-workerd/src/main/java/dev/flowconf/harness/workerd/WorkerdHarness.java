package dev.flowconf.harness.workerd;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts the real Cloudflare runtime, workerd, on a built Worker module, bound to 127.0.0.1.
 *
 * <pre>{@code
 * try (RunningWorkerd workerd = WorkerdHarness.forModuleDir(WorkerdHarness.defaultModuleDir()).start()) {
 *     URI echo = workerd.baseUrl().resolve("/echo");
 * }
 * }</pre>
 *
 * Immutable: each {@code withX} returns a new harness.
 */
public final class WorkerdHarness {
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);
    private static final String LOOPBACK = "127.0.0.1";

    private final Path moduleDir;
    private final int port;
    private final Path binary;
    private final long keepAliveMillis;
    private final Path spillDir;

    private WorkerdHarness(Path moduleDir, int port, Path binary, long keepAliveMillis, Path spillDir) {
        this.moduleDir = moduleDir;
        this.port = port;
        this.binary = binary;
        this.keepAliveMillis = keepAliveMillis;
        this.spillDir = spillDir;
    }

    /** A harness for a directory holding entry.mjs and the modules it imports (the TeaVM output). */
    public static WorkerdHarness forModuleDir(Path moduleDir) {
        return new WorkerdHarness(moduleDir.toAbsolutePath().normalize(), 0, null, 0, null);
    }

    /** host-workers/target/worker of this checkout; fails if host-workers has not been built. */
    public static Path defaultModuleDir() throws IOException {
        Path dir = WorkerdInstall.builtWorkerModule();
        if (!Files.isRegularFile(dir.resolve(WorkerdConfig.ENTRY_MODULE))) {
            throw new IOException("host-workers is not built: " + dir.resolve(WorkerdConfig.ENTRY_MODULE)
                    + " is missing; run ./mvnw -pl host-workers -am package");
        }
        return dir;
    }

    /** The port to listen on; 0 (the default) picks a free one on 127.0.0.1. */
    public WorkerdHarness withPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return new WorkerdHarness(moduleDir, port, binary, keepAliveMillis, spillDir);
    }

    /** Runs this workerd binary instead of the one npm installed in harness-workerd/node_modules. */
    public WorkerdHarness withWorkerdBinary(Path binary) {
        return new WorkerdHarness(moduleDir, port, binary.toAbsolutePath(), keepAliveMillis, spillDir);
    }

    /**
     * The Worker's SSE keep-alive interval (its FLOWCONF_KEEPALIVE_MS binding); unset, the Worker uses SPEC's 15 s.
     * Tests shorten it to see keep-alives, and to have a vanished client noticed sooner.
     */
    public WorkerdHarness withKeepAliveMillis(long millis) {
        if (millis < 1 || millis > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("keep-alive must be 1 to " + Integer.MAX_VALUE + " ms: " + millis);
        }
        return new WorkerdHarness(moduleDir, port, binary, millis, spillDir);
    }

    /**
     * Where the Worker's spill Durable Object keeps its SQLite files (SPILL-HOST-1), so that they outlive this
     * workerd; by default a directory of its own inside the run's temp dir. Only a module that exports the
     * {@code FlowconfSpill} class gets the storage.
     */
    public WorkerdHarness withSpillDirectory(Path dir) {
        return new WorkerdHarness(moduleDir, port, binary, keepAliveMillis, dir.toAbsolutePath().normalize());
    }

    /**
     * Writes the config into a fresh temp dir, spawns {@code workerd serve}, and returns once an HTTP request to
     * the port gets any answer. If none comes within 20 s, or workerd exits, stops it and throws with the log tail.
     */
    public RunningWorkerd start() throws IOException {
        if (!Files.isDirectory(moduleDir)) {
            throw new IOException("no Worker module directory at " + moduleDir
                    + " (for host-workers run ./mvnw -pl host-workers -am package)");
        }
        if (!Files.isRegularFile(moduleDir.resolve(WorkerdConfig.ENTRY_MODULE))) {
            throw new IOException("no " + WorkerdConfig.ENTRY_MODULE + " in " + moduleDir
                    + ": a Worker module directory holds the entry module and the modules it imports");
        }
        Path workerd = binary != null ? binary : WorkerdInstall.workerdBinary();
        int listenPort = port != 0 ? requireFree(port) : freePort();

        Path workDir = Files.createTempDirectory("flowconf-workerd-");
        Path config = workDir.resolve("flowconf.capnp");
        Path log = workDir.resolve("workerd.log");
        Path spill = Files.createDirectories(spillDir != null ? spillDir : workDir.resolve("spill"));
        Files.writeString(config, WorkerdConfig.render(moduleDir, listenPort, keepAliveMillis, spill));

        // --import-path: the config embeds modules as "/<name>", which capnp looks up in the import directories.
        ProcessBuilder command = new ProcessBuilder(workerd.toString(), "serve",
                "--import-path", moduleDir.toString(), config.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long spawnedAt = System.nanoTime();
        Process process = command.start();
        RunningWorkerd running = new RunningWorkerd(process, listenPort, log);
        try {
            awaitFirstAnswer(process, listenPort, spawnedAt, log);
        } catch (IOException | RuntimeException e) {
            running.close();
            throw e;
        }
        running.startupTime(Duration.ofNanos(System.nanoTime() - spawnedAt));
        return running;
    }

    private static void awaitFirstAnswer(Process process, int port, long spawnedAt, Path log) throws IOException {
        long deadline = spawnedAt + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("workerd exited with code " + process.exitValue() + " before answering on "
                        + LOOPBACK + ":" + port + "; log " + log + ":\n" + RunningWorkerd.tail(log));
            }
            if (answers(port)) {
                return;
            }
            try {
                Thread.sleep(5); // a refused connect returns at once; 5 ms keeps the cold-start figure honest
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for workerd", e);
            }
        }
        throw new IOException("workerd did not answer on " + LOOPBACK + ":" + port + " within "
                + STARTUP_TIMEOUT.toSeconds() + " s; log " + log + ":\n" + RunningWorkerd.tail(log));
    }

    /** One raw HTTP/1.1 request: any byte back means workerd is serving (the status does not matter). */
    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + LOOPBACK + ":" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return in.read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails early on a taken port: otherwise the probe could mistake the other server's answer for workerd's. */
    private static int requireFree(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IOException("port " + port + " on " + LOOPBACK + " is in use (" + e.getMessage()
                    + "); choose another or 0 for a free one", e);
        }
    }

    /** Asks the OS for a free port and releases it for workerd; a race with another process is possible but rare. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }
}
