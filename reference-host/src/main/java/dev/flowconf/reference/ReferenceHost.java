package dev.flowconf.reference;

import dev.flowconf.kernel.catalog.ShippedCatalog;
import dev.flowconf.kernel.exec.TaskRunner;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The reference host: Jetty 12 on 127.0.0.1 serving the shipped catalog. */
public final class ReferenceHost implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private ReferenceHost(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Starts on the port (0 picks a free one) and returns once it accepts connections. */
    public static ReferenceHost start(int port) throws Exception {
        Server server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false); // the Axum host sends no Server header either
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new JettyFlowHandler(ShippedCatalog.host(nodeTaskPool())));
        server.setStopAtShutdown(true);
        server.start();
        return new ReferenceHost(server, connector);
    }

    /** Node tasks reuse pooled daemon threads instead of starting three threads per request. */
    private static TaskRunner nodeTaskPool() {
        ExecutorService pool = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "flowconf-node");
            t.setDaemon(true);
            return t;
        });
        return (name, task) -> pool.execute(task);
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
    }
}
