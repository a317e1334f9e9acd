package dev.flowconf.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.flowconf.conformance.replay.Target;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for a host under test, on the JDK's HttpServer, so the runner's own tests need no real
 * host: it answers each path with the bytes a test gave it (404 with an empty body otherwise), can
 * serve an endless stream with a run probe that counts it, and records every request it received.
 * A test starts one, makes it answer as a conforming host would or break one clause, and closes it.
 */
public final class StandInHost implements AutoCloseable {

  /** The SSE headers both hosts send (SSE-HEADERS-1). */
  static final Map<String, String> SSE_HEADERS = Map.of("content-type", "text/event-stream", "cache-control", "no-cache");
  /** `GET /stream`'s three events as a conforming host frames them (STREAM-1). */
  static final String STREAM_CHUNKS = "data: {\"chunk\":0}\n\ndata: {\"chunk\":1}\n\ndata: {\"chunk\":2}\n\n";
  private static final long TICK_MILLIS = 100;

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
  private final ExecutorService threads;
  private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong active = new AtomicLong();
  private final AtomicLong cancelled = new AtomicLong();

  private StandInHost(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  public static StandInHost start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // A thread per exchange: an endless stream must not hold up the probe.
    ExecutorService threads = Executors.newCachedThreadPool();
    StandInHost host = new StandInHost(server, threads);
    server.setExecutor(threads);
    server.createContext("/", host::handle);
    server.start();
    return host;
  }

  public StandInHost answer(String path, int status, String contentType, String body) {
    return answer(path, status, Map.of("content-type", contentType), body);
  }

  /** Answers {@code path} with these header fields, in this order, and body. */
  public StandInHost answer(String path, int status, Map<String, String> headers, String body) {
    Map<String, String> fields = new LinkedHashMap<>(headers);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    handlers.put(path, exchange -> {
      fields.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    return this;
  }

  /** Answers {@code path} 200 with a chunked body, one chunk per part, each flushed on its own. */
  public StandInHost answerInChunks(String path, String contentType, String... parts) {
    handlers.put(path, exchange -> {
      exchange.getResponseHeaders().add("content-type", contentType);
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (String part : parts) {
          out.write(part.getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
    });
    return this;
  }

  /**
   * Serves {@code path} as an SSE stream of {@code {"chunk":n}} every 100 ms until a write fails, and
   * {@code /__flowconf/runs} from its counts: the stream's run is active until then, and counted
   * cancelled afterwards only if {@code countsCancellation} (else it stays active for ever).
   */
  public StandInHost streamUntilTheClientLeaves(String path, boolean countsCancellation) {
    handlers.put("/__flowconf/runs", exchange -> answerNow(exchange, "{\"active\":" + active + ",\"cancelled\":"
        + cancelled + ",\"completed\":0,\"started\":" + started + "}"));
    handlers.put(path, exchange -> {
      started.incrementAndGet();
      active.incrementAndGet();
      exchange.getResponseHeaders().add("content-type", "text/event-stream");
      exchange.getResponseHeaders().add("cache-control", "no-cache");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (int chunk = 0; ; chunk++) {
          out.write(("data: {\"chunk\":" + chunk + "}\n\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
          Thread.sleep(TICK_MILLIS);
        }
      } catch (IOException | InterruptedException clientLeft) {
        if (countsCancellation) {
          cancelled.incrementAndGet();
          active.decrementAndGet();
        }
      }
    });
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
    HttpHandler handler = handlers.get(exchange.getRequestURI().getRawPath());
    if (handler != null) {
      handler.handle(exchange);
    } else {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    }
  }

  private static void answerNow(HttpExchange exchange, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("content-type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
