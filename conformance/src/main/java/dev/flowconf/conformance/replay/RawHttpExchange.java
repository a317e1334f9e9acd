package dev.flowconf.conformance.replay;

import dev.flowconf.conformance.golden.CaseRequest;
import dev.flowconf.conformance.golden.Header;
import dev.flowconf.wire.RawConnection;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One HTTP/1.1 request written byte for byte over a fresh connection ({@code connection: close}),
 * for what Playwright would alter or cannot send (see {@link CaseRequest#whyOnlyARawSocketSendsIt()}):
 * a field sent twice (META-HEADERS-1), an empty query (META-HTTP-1), a lower-case method, a chunked
 * or very large body.
 *
 * <p>The body is written by a thread of its own while this one reads the answer: a host may answer
 * before it has read the body (a 413 or a 404 to a 10 MB body) and close the connection, and then
 * the answer counts, not the failed write.
 */
final class RawHttpExchange {

  private static final int CHUNK_BYTES = 64 * 1024;
  private static final byte[] CRLF = {'\r', '\n'};

  private final Duration timeout;

  RawHttpExchange(Duration timeout) {
    this.timeout = timeout;
  }

  ObservedResponse send(Target host, CaseRequest request) throws IOException {
    URI url = URI.create(host.urlOf(request.path()));
    try (RawConnection connection = connect(url)) {
      Socket socket = connection.socket();
      BodyWriter writer = new BodyWriter(socket.getOutputStream(), head(request, url.getRawAuthority()), request);
      writer.start();
      try {
        return new AnswerReader(new AnswerInput(socket, null, timeout)).read(request.method());
      } catch (ExchangeFailure failure) {
        throw writer.failure().map(w -> failure.at("the request's write had failed too: " + w.getMessage()))
            .orElse(failure);
      }
    }
  }

  private RawConnection connect(URI url) throws IOException {
    try {
      return RawConnection.open(url, timeout);
    } catch (ConnectException e) {
      throw ExchangeFailure.noAnswer("connection refused", e.getMessage());
    } catch (SocketTimeoutException e) {
      throw ExchangeFailure.noAnswer("no connection within " + timeout.toSeconds() + " s", "");
    }
  }

  /** Writes head and body, then lets go; a write the host cut short is kept for the report, not thrown. */
  private static final class BodyWriter extends Thread {
    private final OutputStream out;
    private final byte[] head;
    private final CaseRequest request;
    private volatile IOException failure;

    BodyWriter(OutputStream out, byte[] head, CaseRequest request) {
      super("flowconf-raw-body-writer");
      setDaemon(true); // closing the socket ends a write the host never reads
      this.out = out;
      this.head = head;
      this.request = request;
    }

    @Override
    public void run() {
      try {
        out.write(head);
        if (request.isChunked()) {
          writeChunked(out, request.body());
        } else {
          out.write(request.body());
        }
        out.flush();
      } catch (IOException e) {
        failure = e;
      }
    }

    Optional<IOException> failure() {
      return Optional.ofNullable(failure);
    }
  }

  /** The body as chunks of {@value #CHUNK_BYTES} bytes and the last, empty chunk (RFC 9112 §7.1). */
  private static void writeChunked(OutputStream out, byte[] body) throws IOException {
    for (int start = 0; start < body.length; start += CHUNK_BYTES) {
      int length = Math.min(CHUNK_BYTES, body.length - start);
      out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, start, length);
      out.write(CRLF);
    }
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] head(CaseRequest request, String authority) {
    StringBuilder head = new StringBuilder(request.method() + " " + request.path() + " HTTP/1.1\r\n");
    if (request.headers().stream().noneMatch(h -> h.name().equals("host"))) {
      head.append("host: ").append(authority).append("\r\n");
    }
    request.headers().forEach(h -> head.append(h.name()).append(": ").append(h.value()).append("\r\n"));
    if (request.hasBody() && !request.isChunked()) {
      head.append("content-length: ").append(request.bodyLength()).append("\r\n");
    }
    head.append("connection: close\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.UTF_8);
  }

}
