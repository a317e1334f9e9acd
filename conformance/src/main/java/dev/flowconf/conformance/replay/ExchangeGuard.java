package dev.flowconf.conformance.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A relay for one exchange between Playwright and a host, on 127.0.0.1: Playwright sends the case's request to the
 * relay, which passes every byte on unchanged both ways and reads the host's answer with {@link AnswerReader} as it
 * passes. Why: Playwright's client reports a broken answer in its own words, or not at all (a body longer than its
 * content-length, HTTP/1.0 without a length), and holds whatever a host sends in memory; the relay names the fault in
 * one line, and cuts the connection at the first one, a deadline or a size limit, so Playwright fails fast too.
 */
final class ExchangeGuard implements AutoCloseable {

  /** How long the relay waits for its client at most, if nobody tells it the client's request is over. */
  private static final Duration CLIENT_CONNECT_LIMIT = Duration.ofMinutes(2);

  private final ServerSocket server;
  /** Scheme and authority only: the path and query go on as the case wrote them, valid URI syntax or not. */
  private final URI target;
  private final String pathAndQuery;
  private final String method;
  private final Duration timeout;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile ExchangeFailure failure;
  private volatile Socket client;
  private volatile Socket upstream;

  private ExchangeGuard(ServerSocket server, String targetUrl, String method, Duration timeout) {
    int pathStart = targetUrl.indexOf('/', targetUrl.indexOf("//") + 2);
    this.server = server;
    this.target = URI.create(pathStart < 0 ? targetUrl : targetUrl.substring(0, pathStart));
    this.pathAndQuery = pathStart < 0 ? "/" : targetUrl.substring(pathStart);
    this.method = method;
    this.timeout = timeout;
  }

  /** A relay to {@code targetUrl} (http only), ready for one connection. */
  static ExchangeGuard start(String targetUrl, String method, Duration timeout) throws IOException {
    ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    ExchangeGuard guard = new ExchangeGuard(server, targetUrl, method, timeout);
    Thread relay = new Thread(guard::relay, "flowconf-exchange-guard");
    relay.setDaemon(true);
    relay.start();
    return guard;
  }

  /** The URL Playwright asks instead of the target's: the same path and query, on the relay. */
  String url() {
    return "http://127.0.0.1:" + server.getLocalPort() + pathAndQuery;
  }

  /** The target's authority, for the request's host header: the host sees what it would see without the relay. */
  String authority() {
    return target.getRawAuthority();
  }

  /**
   * What the relay saw wrong, once the exchange is over (waits for it a little longer than the timeout). Call it when
   * the client's request has ended: a client that never connected by then never will.
   */
  Optional<ExchangeFailure> failure() {
    if (client == null) {
      closeQuietly(server); // ends the relay's wait for a connection
    }
    try {
      done.await(timeout.toMillis() + 2_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.ofNullable(failure);
  }

  private void relay() {
    try {
      // The wait for the client is not the host's to use up: a request can queue behind other cases for its turn
      // on a Playwright lane. It ends when the client has connected, when failure() finds that it never did, or at
      // a generous bound of its own.
      server.setSoTimeout((int) CLIENT_CONNECT_LIMIT.toMillis());
      try {
        client = server.accept();
      } catch (IOException e) {
        failure = ExchangeFailure.noAnswer("the client never connected to the runner's relay", "");
        return;
      }
      upstream = new Socket();
      int port = target.getPort() != -1 ? target.getPort() : 80;
      try {
        upstream.connect(new InetSocketAddress(target.getHost(), port), (int) timeout.toMillis());
      } catch (ConnectException e) {
        failure = ExchangeFailure.noAnswer("connection refused", e.getMessage());
        return;
      } catch (UnknownHostException e) {
        failure = ExchangeFailure.noAnswer("host name " + target.getHost() + " does not resolve", "");
        return;
      } catch (SocketTimeoutException e) {
        failure = ExchangeFailure.noAnswer("no connection within " + timeout.toSeconds() + " s", "");
        return;
      }
      Thread requests = new Thread(() -> copy(client, upstream), "flowconf-exchange-guard-request");
      requests.setDaemon(true);
      requests.start();
      new AnswerReader(new AnswerInput(upstream, client.getOutputStream(), timeout)).read(method);
    } catch (ExchangeFailure e) {
      failure = e;
    } catch (IOException e) {
      failure = ExchangeFailure.brokenAnswer("the exchange failed: " + e.getMessage(), "");
    } finally {
      closeQuietly(upstream);
      closeQuietly(client);
      done.countDown();
    }
  }

  /** The request's bytes, as the client sends them, until either side ends. */
  private static void copy(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[16 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException ended) {
      // one side closed: the answer's reader decides what that means
    }
  }

  @Override
  public void close() {
    closeQuietly(server);
    closeQuietly(upstream);
    closeQuietly(client);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // nothing left to do with it
    }
  }
}
