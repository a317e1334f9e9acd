package dev.flowconf.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PROBE-1 read strictly, from a real HTTP server on 127.0.0.1 (the JDK's) answering as told. */
class RunProbeTests {
    private HttpServer server;

    private URI serve(String contentType, String... bodies) throws IOException {
        AtomicInteger reads = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(RunProbe.PATH, exchange -> {
            byte[] body = bodies[Math.min(reads.getAndIncrement(), bodies.length - 1)].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    @Test
    void readsTheCounts() throws Exception {
        URI base = serve("application/json", "{\"active\":1,\"cancelled\":2,\"completed\":3,\"started\":6}");
        assertEquals(new RunCounts(1, 2, 3, 6), RunProbe.of(base).read());
    }

    @Test
    void awaitsUntilTheCountsSatisfyTheCondition() throws Exception {
        URI base = serve("application/json", "{\"active\":1,\"cancelled\":0,\"completed\":0,\"started\":1}",
                "{\"active\":1,\"cancelled\":0,\"completed\":0,\"started\":1}",
                "{\"active\":0,\"cancelled\":1,\"completed\":0,\"started\":1}");
        RunCounts settled = RunProbe.of(base).await(runs -> runs.cancelled() == 1, Duration.ofSeconds(5));
        assertEquals(new RunCounts(0, 1, 0, 1), settled);
    }

    @Test
    void anAnswerThatIsNotProbeOnesIsUnusable() throws Exception {
        URI base = serve("text/plain", "{\"active\":1,\"cancelled\":2,\"completed\":3,\"started\":6}");
        RunProbe.UnusableProbe failure = assertThrows(RunProbe.UnusableProbe.class, () -> RunProbe.of(base).read());
        assertTrue(failure.getMessage().contains("text/plain"), failure.getMessage());
        assertFalse(failure.isNoAnswer());
    }

    @Test
    void noHostIsNoAnswer() throws Exception {
        URI base = serve("application/json", "{}");
        server.stop(0);
        server = null;
        assertTrue(assertThrows(RunProbe.UnusableProbe.class, () -> RunProbe.of(base).read()).isNoAnswer());
    }

    @Test
    void onlyTheExactCompactObjectParses() {
        assertEquals(Optional.of(new RunCounts(0, 0, 0, 0)),
                RunCounts.parse("{\"active\":0,\"cancelled\":0,\"completed\":0,\"started\":0}"));
        for (String bad : new String[] {"{\"active\": 0,\"cancelled\":0,\"completed\":0,\"started\":0}",
                "{\"cancelled\":0,\"active\":0,\"completed\":0,\"started\":0}",
                "{\"active\":01,\"cancelled\":0,\"completed\":0,\"started\":0}",
                "{\"active\":-1,\"cancelled\":0,\"completed\":0,\"started\":0}",
                "{\"active\":99999999999999999999,\"cancelled\":0,\"completed\":0,\"started\":0}"}) {
            assertEquals(Optional.empty(), RunCounts.parse(bad), bad);
        }
    }
}
