package dev.flowconf.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flowconf.conformance.replay.Target;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in host on the JDK's HttpServer for the suite's own tests: answers each path with canned
 * bytes (404 with an empty body otherwise) and records every request it received.
 */
public final class CannedHostTestCase implements AutoCloseable {

  private record Answer(int status, String contentType, byte[] body) {}

  public record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {

    /** The values of a request header, whatever case the server stored its name in. */
    public List<String> header(String name) {
      return headers.entrySet().stream()
          .filter(header -> header.getKey().equalsIgnoreCase(name))
          .flatMap(header -> header.getValue().stream())
          .toList();
    }
  }

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private CannedHostTestCase(HttpServer server) {
    this.server = server;
  }

  public static CannedHostTestCase start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    CannedHostTestCase host = new CannedHostTestCase(server);
    server.createContext("/", host::handle);
    server.start();
    return host;
  }

  public CannedHostTestCase answer(String path, int status, String contentType, String body) {
    answers.put(path, new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  public Target target(String name) {
    return new Target(name, URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        Map.copyOf(exchange.getRequestHeaders()), body));
    Answer answer = answers.getOrDefault(exchange.getRequestURI().getRawPath(), new Answer(404, null, new byte[0]));
    if (answer.contentType() != null) {
      exchange.getResponseHeaders().add("content-type", answer.contentType());
    }
    exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer.body());
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
