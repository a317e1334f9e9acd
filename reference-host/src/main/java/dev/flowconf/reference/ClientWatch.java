package dev.flowconf.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Notices a client that closes its connection while its request is being answered, without
 * writing to it. Jetty's HTTP/1.1 connection does not read while a handler runs, so it learns of a
 * close only when a write fails (failure and connection listeners fire no sooner); this watch asks
 * the endpoint for read interest itself. End of input means the client is gone. A byte means a
 * pipelined request: it goes back to the connection and the watch stops.
 *
 * <p>Start it only after the request body was read (the connection is then not reading), and
 * close it before the response completes (Jetty aborts a connection with a read still pending).
 */
final class ClientWatch implements AutoCloseable {
    private final AbstractEndPoint endPoint;
    private final Connection.UpgradeTo connection;
    private final Runnable onGone;
    private final Callback readable = Callback.from(this::onReadable, x -> onFailed());
    private boolean registered; // guarded by this
    private boolean closed; // guarded by this

    private ClientWatch(AbstractEndPoint endPoint, Connection.UpgradeTo connection, Runnable onGone) {
        this.endPoint = endPoint;
        this.connection = connection;
        this.onGone = onGone;
    }

    /** @param onGone runs once, on a Jetty thread, when the client closed its side */
    static ClientWatch start(Request request, Runnable onGone) {
        Connection connection = request.getConnectionMetaData().getConnection();
        // Other transports (HTTP/2 streams, TLS wrappers) are not watched: their failed writes still cancel.
        if (!(connection.getEndPoint() instanceof AbstractEndPoint) || !(connection instanceof Connection.UpgradeTo)) {
            return new ClientWatch(null, null, onGone);
        }
        ClientWatch watch = new ClientWatch((AbstractEndPoint) connection.getEndPoint(),
                (Connection.UpgradeTo) connection, onGone);
        synchronized (watch) {
            watch.interest();
        }
        return watch;
    }

    private void interest() {
        registered = endPoint.tryFillInterested(readable);
    }

    private void onReadable() {
        synchronized (this) {
            registered = false;
            if (closed) return;
            ByteBuffer one = BufferUtil.allocate(1);
            int filled;
            try {
                filled = endPoint.fill(one);
            } catch (IOException e) {
                filled = -1;
            }
            if (filled == 0) {
                interest();
                return;
            }
            closed = true;
            if (filled > 0) {
                connection.onUpgradeTo(one); // the next request's first byte, for Jetty to parse later
                return;
            }
        }
        onGone.run();
    }

    /** The endpoint closed (or our own {@link #close()} withdrew the interest, then nothing happens). */
    private void onFailed() {
        synchronized (this) {
            registered = false;
            if (closed) return;
            closed = true;
        }
        onGone.run();
    }

    /** Stops watching; afterwards the connection owns its reads again. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        // Only our callback can be registered here: the connection does not read during the handler.
        if (registered) endPoint.getFillInterest().onFail(new CancellationException("response complete"));
    }
}
