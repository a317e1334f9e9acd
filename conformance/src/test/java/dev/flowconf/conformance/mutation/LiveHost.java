package dev.flowconf.conformance.mutation;

import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.Header;
import dev.flowconf.conformance.mutation.Behaviour.HoldsUntilTheClientLeaves;
import dev.flowconf.conformance.mutation.Behaviour.Runs;
import dev.flowconf.conformance.mutation.Behaviour.StreamsUntilTheClientLeaves;
import dev.flowconf.conformance.replay.Target;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A host on plain sockets for what WireMock cannot play: a stream that lasts until the client
 * leaves, a value run that never answers, and a run probe ({@code GET /__flowconf/runs}, PROBE-1)
 * whose counts react to the client leaving. It watches each open request by reading its connection,
 * which ends the moment the browser aborts (Jetty and the JDK's HttpServer only notice on a failed
 * write, and a value run writes nothing). One per played case, so its counts start at zero.
 */
final class LiveHost implements AutoCloseable {

  private static final String PROBE_PATH = "/__flowconf/runs";
  private static final int TICK_MILLIS = 50;
  // Longer than any abort plan and than the runner's wait for the probe, so only a leaving client ends it.
  private static final long HOLD_MILLIS = 10_000;

  private record Request(String method, String target) {}

  private final ServerSocket listener;
  private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "live-host");
    thread.setDaemon(true);
    return thread;
  });
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final GoldenCase golden;
  private final Behaviour behaviour;
  private final Runs runs;
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong cancelled = new AtomicLong();
  private final AtomicLong active = new AtomicLong();

  private LiveHost(ServerSocket listener, GoldenCase golden, Behaviour behaviour) {
    this.listener = listener;
    this.golden = golden;
    this.behaviour = behaviour;
    this.runs = behaviour instanceof StreamsUntilTheClientLeaves streams ? streams.runs()
        : ((HoldsUntilTheClientLeaves) behaviour).runs();
  }

  static LiveHost start(GoldenCase golden, Behaviour behaviour) throws IOException {
    LiveHost host = new LiveHost(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), golden, behaviour);
    host.threads.execute(host::acceptConnections);
    return host;
  }

  Target target(String name) {
    return new Target(name, URI.create("http://127.0.0.1:" + listener.getLocalPort()));
  }

  private void acceptConnections() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        connections.add(socket);
        threads.execute(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      Request request = readRequest(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      String path = request.target().split("\\?", 2)[0];
      if (request.method().equals("GET") && path.equals(PROBE_PATH)) {
        answer(out, 200, "application/json", probeCounts());
      } else if (!request.method().equals(golden.request().method())
          || !request.target().equals(golden.request().path())) {
        answer(out, 404, "application/json", "{\"error\":\"route not found\"}");
      } else if (behaviour instanceof StreamsUntilTheClientLeaves streams) {
        stream(socket, streams.head());
      } else {
        hold(socket);
      }
    } catch (IOException connectionGone) {
      // a client that left before its request was whole (e.g. a browser's spare connection)
    } finally {
      connections.remove(socket);
    }
  }

  /** The head at once, then a keep-alive comment each tick until the client leaves. */
  private void stream(Socket socket, Answer head) throws IOException {
    startRun();
    OutputStream out = socket.getOutputStream();
    out.write(responseHead(head.status(), head.headers()));
    out.write(head.body().getBytes(StandardCharsets.UTF_8));
    out.flush();
    awaitLeaving(socket, () -> {
      out.write(": keepalive\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
    }, Long.MAX_VALUE);
    endRunOfALeavingClient();
  }

  /** Nothing until the client leaves (or, if it never does, the run's node finishes). */
  private void hold(Socket socket) throws IOException {
    startRun();
    if (awaitLeaving(socket, () -> {}, HOLD_MILLIS)) {
      endRunOfALeavingClient();
    } else {
      completed.incrementAndGet();
      active.decrementAndGet();
      answer(socket.getOutputStream(), 200, "application/json", "null");
    }
  }

  private interface Tick {
    void run() throws IOException;
  }

  /** True once the client has closed its side (read ends) or a tick's write fails; false after {@code maxMillis}. */
  private static boolean awaitLeaving(Socket socket, Tick tick, long maxMillis) throws IOException {
    long startedAt = System.nanoTime();
    socket.setSoTimeout(TICK_MILLIS);
    InputStream in = socket.getInputStream();
    while ((System.nanoTime() - startedAt) / 1_000_000 < maxMillis) {
      try {
        if (in.read() < 0) {
          return true;
        }
      } catch (SocketTimeoutException stillThere) {
        try {
          tick.run();
        } catch (IOException writeFailed) {
          return true;
        }
      } catch (IOException reset) {
        return true;
      }
    }
    return false;
  }

  private void startRun() {
    started.incrementAndGet();
    active.incrementAndGet();
  }

  private void endRunOfALeavingClient() {
    switch (runs.onClientLeaving()) {
      case CANCELS_THE_RUN -> {
        cancelled.incrementAndGet();
        active.decrementAndGet();
      }
      case BOOKS_IT_COMPLETED -> {
        completed.incrementAndGet();
        active.decrementAndGet();
      }
      case KEEPS_IT_ACTIVE -> cancelled.incrementAndGet();
    }
  }

  private String probeCounts() {
    return runs.probeKeysSorted()
        ? "{\"active\":" + active + ",\"cancelled\":" + cancelled + ",\"completed\":" + completed + ",\"started\":"
            + started + "}"
        : "{\"started\":" + started + ",\"active\":" + active + ",\"cancelled\":" + cancelled + ",\"completed\":"
            + completed + "}";
  }

  private static void answer(OutputStream out, int status, String contentType, String body) throws IOException {
    out.write(responseHead(status, List.of(new Header("content-type", contentType))));
    out.write(body.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The status line and fields; every body ends with the connection, so no length and no chunking. */
  private static byte[] responseHead(int status, List<Header> headers) {
    StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " " + (status == 200 ? "OK" : "Status") + "\r\n");
    headers.forEach(h -> head.append(h.name()).append(": ").append(h.value()).append("\r\n"));
    head.append("connection: close\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The request line and header fields, and the body (by its content-length), read byte by byte. */
  private static Request readRequest(InputStream in) throws IOException {
    String[] requestLine = line(in).split(" ", 3);
    if (requestLine.length != 3) {
      throw new IOException("not a request line: " + String.join(" ", requestLine));
    }
    long length = 0;
    for (String field = line(in); !field.isEmpty(); field = line(in)) {
      int colon = field.indexOf(':');
      if (field.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("content-length")) {
        length = Long.parseLong(field.substring(colon + 1).strip());
      }
    }
    in.readNBytes(Math.toIntExact(length));
    return new Request(requestLine[0], requestLine[1]);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1; b = in.read()) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
    throw new IOException("connection closed inside a line");
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    connections.forEach(socket -> {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    });
    threads.shutdownNow();
  }
}
