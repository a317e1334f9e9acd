package dev.flowconf.conformance.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flowconf.conformance.replay.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A host on 127.0.0.1 (the JDK's HttpServer, several threads) serving {@code /meta},
 * {@code /harness/echo} and {@code /echo} as SPEC.md §1 says, except for one {@link Leak}: some part
 * of each answer comes from the request the host handled just before it, as a host that keeps
 * request state in a shared field would do. {@link Leak#NONE} is the control: the same host with
 * nothing leaked, which the isolation check must pass.
 */
public final class LeakyHost implements AutoCloseable {

  /** What each answer takes from the previous request instead of its own. */
  public enum Leak {
    NONE,
    AUTH_USER,
    PAYLOAD,
    QUERY,
    HEADERS,
    /** Not a previous request's data: one run id handed to every run. */
    ONE_RUN_ID
  }

  private record Seen(String query, Map<String, String> headers, JsonNode payload) {

    JsonNode authUser() {
      String header = headers.get("x-auth-user");
      try {
        return header == null ? null : JSON.readTree(header);
      } catch (IOException notJson) {
        return null; // META-AUTH-1: ignored
      }
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHARED_RUN_ID = UUID.randomUUID().toString();

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  private final Leak leak;
  private final AtomicReference<Seen> previous = new AtomicReference<>();

  private LeakyHost(Leak leak) throws IOException {
    this.leak = leak;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    server.createContext("/", this::answer);
    server.setExecutor(threads);
    server.start();
  }

  public static LeakyHost start(Leak leak) throws IOException {
    return new LeakyHost(leak);
  }

  public Target target() {
    return new Target("leaky-" + leak.name().toLowerCase(Locale.ROOT).replace('_', '-'),
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      Seen own = read(exchange);
      Seen before = previous.getAndSet(own);
      Seen leaked = before != null ? before : own;
      JsonNode body = switch (exchange.getRequestURI().getPath()) {
        case "/meta" -> meta(exchange, leak == Leak.AUTH_USER ? leaked : own, leak == Leak.HEADERS ? leaked : own,
            leak == Leak.QUERY ? leaked : own);
        case "/harness/echo" -> (leak == Leak.PAYLOAD ? leaked : own).payload();
        case "/echo" -> echo(leak == Leak.PAYLOAD ? leaked : own, leak == Leak.AUTH_USER ? leaked : own);
        default -> null;
      };
      byte[] bytes = body == null ? "{\"error\":\"route not found\"}".getBytes(StandardCharsets.UTF_8)
          : JSON.writeValueAsBytes(body);
      exchange.getResponseHeaders().set("content-type", "application/json");
      exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static Seen read(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new TreeMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values))); // META-HEADERS-1
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    JsonNode payload = body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
    return new Seen(exchange.getRequestURI().getRawQuery(), headers, payload);
  }

  private JsonNode meta(HttpExchange exchange, Seen user, Seen headers, Seen query) {
    ObjectNode extensions = JSON.createObjectNode();
    JsonNode authUser = user.authUser();
    if (authUser != null) {
      extensions.set("auth.user", authUser);
    }
    ObjectNode httpHeaders = extensions.putObject("http.headers");
    headers.headers().forEach((name, value) -> {
      if (name.startsWith("x-")) {
        httpHeaders.putArray(name).add(value);
      }
    });
    if (query.query() != null && !query.query().isEmpty()) {
      ObjectNode pairs = extensions.putObject("http.query");
      for (String pair : query.query().split("&")) {
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        JsonNode values = pairs.get(name);
        (values == null ? pairs.putArray(name) : (ArrayNode) values).add(value);
      }
    }
    ObjectNode labels = JSON.createObjectNode();
    labels.put("http.method", exchange.getRequestMethod());
    labels.put("http.path", exchange.getRequestURI().getRawPath());
    if (query.query() != null) {
      labels.put("http.query_raw", query.query());
    }
    labels.put("lf.run_id", leak == Leak.ONE_RUN_ID ? SHARED_RUN_ID : UUID.randomUUID().toString());
    ObjectNode meta = JSON.createObjectNode();
    meta.set("extensions", extensions);
    meta.set("labels", labels);
    return meta;
  }

  private static JsonNode echo(Seen payload, Seen user) {
    ObjectNode answer = JSON.createObjectNode();
    JsonNode authUser = user.authUser();
    if (authUser != null && authUser.path("sub").isTextual()) {
      answer.putObject("user").put("email", authUser.path("email").asText()).put("sub", authUser.path("sub").asText());
    }
    answer.put("value", payload.payload().path("value").asText().strip().toLowerCase(Locale.ROOT));
    return answer;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** How many of {@code requests} answers can show this leak: those of the routes that carry the leaked part. */
  public long exposedAmong(List<IdentityRequest> requests) {
    return requests.stream().filter(request -> switch (leak) {
      case NONE -> false;
      case AUTH_USER -> request.route() != IdentityRequest.Route.HARNESS_ECHO;
      case PAYLOAD -> request.route() != IdentityRequest.Route.META;
      case QUERY, HEADERS, ONE_RUN_ID -> request.route() == IdentityRequest.Route.META;
    }).count();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
