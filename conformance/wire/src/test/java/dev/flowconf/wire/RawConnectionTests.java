package dev.flowconf.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Against a real socket on 127.0.0.1 that answers with bytes written by hand and records what it was sent. */
class RawConnectionTests {

    /** Accepts one connection, reads the request head, writes {@code answer}, then waits for the client to leave. */
    private static final class OneAnswer implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        final CompletableFuture<String> requestHead = new CompletableFuture<>();

        OneAnswer(String answer) throws IOException {
            Thread thread = new Thread(() -> {
                try (Socket client = server.accept()) {
                    requestHead.complete(readHead(client.getInputStream()));
                    client.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
                    client.getOutputStream().flush();
                    client.getInputStream().read(); // until the client leaves
                } catch (IOException e) {
                    requestHead.completeExceptionally(e);
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            server.close();
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.UTF_8).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) throw new EOFException();
                head.write(b);
            }
            return head.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void writesTheRequestAsGivenWithHostAndLengthAdded() throws Exception {
        try (OneAnswer host = new OneAnswer("HTTP/1.1 204 No Content\r\n\r\n");
             RawConnection connection = RawConnection.request(host.base(), "post", "/echo?a=1", "{\"value\":\"é\"}",
                     "X-Twice: 1", "X-Twice: 2")) {
            assertEquals(204, connection.readHead().status());
            assertEquals("post /echo?a=1 HTTP/1.1\r\nHost: " + host.base().getAuthority() + "\r\nX-Twice: 1\r\nX-Twice: 2\r\n"
                    + "Content-Length: 14\r\n\r\n", host.requestHead.get());
        }
    }

    @Test
    void aHostFieldOfTheCallersReplacesTheDefault() throws Exception {
        try (OneAnswer host = new OneAnswer("HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n");
             RawConnection connection = RawConnection.request(host.base(), "GET", "/", null, "host: elsewhere")) {
            connection.readHead();
            assertEquals("GET / HTTP/1.1\r\nhost: elsewhere\r\n\r\n", host.requestHead.get());
        }
    }

    @Test
    void readsEveryValueOfAFieldInOrderWithNamesInLowerCase() throws Exception {
        try (OneAnswer host = new OneAnswer("HTTP/1.1 200 OK\r\nSet-Thing: a\r\nCONTENT-TYPE: application/json\r\n"
                + "set-thing: b\r\nContent-Length: 5\r\n\r\nhello");
             RawConnection connection = RawConnection.request(host.base(), "GET", "/", null)) {
            RawConnection.Head head = connection.readHead();
            assertEquals(List.of("a", "b"), head.fields().get("set-thing"));
            assertEquals("application/json", head.first("content-type"));
            assertNull(head.first("connection"));
            assertFalse(head.chunked());
            assertEquals("hello", connection.readBody(head));
        }
    }

    @Test
    void readsEventsAcrossChunkBoundariesThenTheRestOfTheBody() throws Exception {
        try (OneAnswer host = new OneAnswer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunk("data: {\"chunk\":0}\n\ndata: {\"chu") + chunk("nk\":1}\n\n: keep") + chunk("alive\n\ndata: tail\n\n")
                + "0\r\n\r\n");
             RawConnection connection = RawConnection.request(host.base(), "GET", "/stream", null)) {
            assertTrue(connection.readHead().chunked());
            assertEquals("data: {\"chunk\":0}\n\n", connection.readEvent());
            assertEquals("data: {\"chunk\":1}\n\n", connection.readEvent());
            assertEquals(": keepalive\n\ndata: tail\n\n", connection.readChunkedBody());
            assertNull(connection.readEvent(), "the body has ended");
        }
    }

    @Test
    void aBodyCutShortIsAnErrorNotAShortAnswer() throws Exception {
        try (OneAnswer host = new OneAnswer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunk("data: x\n") + "0\r\n\r\n");
             RawConnection connection = RawConnection.request(host.base(), "GET", "/", null)) {
            connection.readHead();
            assertThrows(EOFException.class, connection::readEvent);
        }
    }

    @Test
    void notAStatusLineIsAnError() throws Exception {
        try (OneAnswer host = new OneAnswer("SSH-2.0-OpenSSH\r\n\r\n");
             RawConnection connection = RawConnection.request(host.base(), "GET", "/", null)) {
            IOException failure = assertThrows(IOException.class, connection::readHead);
            assertTrue(failure.getMessage().contains("not a status line"), failure.getMessage());
        }
    }

    @Test
    void nothingListeningIsAConnectFailure() throws Exception {
        URI closed;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + server.getLocalPort());
        }
        assertThrows(java.net.ConnectException.class, () -> RawConnection.open(closed, Duration.ofSeconds(2)));
    }

    private static String chunk(String text) {
        return Integer.toHexString(text.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + text + "\r\n";
    }
}
