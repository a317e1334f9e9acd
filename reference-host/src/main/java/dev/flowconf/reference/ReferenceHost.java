package dev.flowconf.reference;

import dev.flowconf.kernel.catalog.ShippedCatalog;
import dev.flowconf.kernel.exec.TaskRunner;
import dev.flowconf.kernel.http.FlowHttpHost;
import dev.flowconf.kernel.http.HttpHost;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The reference host: Jetty 12 on 127.0.0.1 serving the shipped catalog. */
public final class ReferenceHost implements AutoCloseable {
    /** Jetty's limit on request line plus header fields: twice the kernel's limit on the fields alone. */
    static final int REQUEST_HEAD_BYTES = 2 * FlowHttpHost.MAX_HEADER_BYTES;

    private final Server server;
    private final ServerConnector connector;
    private final ScheduledThreadPoolExecutor keepAliveTimer;

    private ReferenceHost(Server server, ServerConnector connector, ScheduledThreadPoolExecutor keepAliveTimer) {
        this.server = server;
        this.connector = connector;
        this.keepAliveTimer = keepAliveTimer;
    }

    /** Starts on the port (0 picks a free one) and returns once it accepts connections. */
    public static ReferenceHost start(int port) throws Exception {
        return start(port, FlowHttpHost.DEFAULT_KEEP_ALIVE_MILLIS);
    }

    /** @param keepAliveMillis idle time after which an event stream gets a `: keepalive` comment */
    public static ReferenceHost start(int port, long keepAliveMillis) throws Exception {
        return start(port, keepAliveMillis, ShippedCatalog::host);
    }

    /** @param catalog what the host serves on its platform: SPEC.md §1's routes, or a user's bundle */
    public static ReferenceHost start(int port, long keepAliveMillis, Function<ShippedCatalog.Platform, HttpHost> catalog)
            throws Exception {
        Server server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false); // the Axum host sends no Server header either
        // SPEC.md LIMIT-HEADERS-1 is the kernel's (32 KiB of fields); Jetty's own limit on the whole head
        // sits above it so that the kernel decides, and JsonErrorHandler answers alike beyond it.
        config.setRequestHeaderSize(REQUEST_HEAD_BYTES);
        // Jetty's per-connection field cache matches values ignoring case by default, so after
        // `accept: TEXT/EVENT-STREAM` a later `accept: text/event-stream` on that connection reached
        // the kernel upper-cased (bad-input/accept-event-stream-upper-case, then SSE-ERROR-1 failed).
        config.setHeaderCacheCaseSensitive(true);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ShippedCatalog.Platform platform = ShippedCatalog.Platform.defaults()
                .withTasks(nodeTaskPool())
                .withSpill(new FileSpillStore(Path.of(System.getProperty("java.io.tmpdir"))))
                .withKeepAliveMillis(keepAliveMillis);
        // One timer thread checks every stream's silence; its tasks only issue non-blocking writes.
        ScheduledThreadPoolExecutor keepAliveTimer = new ScheduledThreadPoolExecutor(1, daemon("flowconf-keepalive"));
        keepAliveTimer.setRemoveOnCancelPolicy(true); // a finished stream's pending check goes at once
        server.setHandler(new JettyFlowHandler(catalog.apply(platform), keepAliveTimer));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopAtShutdown(true);
        server.start();
        return new ReferenceHost(server, connector, keepAliveTimer);
    }

    /** Node tasks reuse pooled daemon threads instead of starting three threads per request. */
    private static TaskRunner nodeTaskPool() {
        ExecutorService pool = Executors.newCachedThreadPool(daemon("flowconf-node"));
        return (name, task) -> pool.execute(task);
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        };
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
        keepAliveTimer.shutdownNow();
    }
}
