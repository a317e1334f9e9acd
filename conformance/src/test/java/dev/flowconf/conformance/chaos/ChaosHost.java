package dev.flowconf.conformance.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A host that misbehaves in exactly one way, on a real socket on 127.0.0.1, for proving that the runner names each
 * fault in one line, within its time bounds and bounded memory. It answers the runner's pre-check ({@code GET /})
 * properly unless the fault is {@link Fault#SILENT_TO_ALL}, so the cases themselves meet the fault. Like the mutant
 * hosts, a test fixture: never a stand-in for the hosts under test.
 */
public final class ChaosHost implements AutoCloseable {

  /** The faults, one per host. */
  public enum Fault {
    SILENT, SILENT_TO_ALL, CLOSE_BEFORE_STATUS, NOT_HTTP, ENDLESS_HEADERS, SHORT_BODY, LONG_BODY, BAD_CHUNKED,
    ENDLESS_SSE, GIGABYTE_BODY, HUGE_HEADERS, ONE_BYTE_A_SECOND, RESET_MID_EVENT, HTTP10_WITHOUT_LENGTH;

    /** The name as a target name: lower-case letters and dashes. */
    public String targetName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final Fault fault;
  private final ServerSocket server;
  private volatile boolean closed;

  private ChaosHost(Fault fault) throws IOException {
    this.fault = fault;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accepting = new Thread(this::accept, "chaos-" + fault.targetName());
    accepting.setDaemon(true);
    accepting.start();
  }

  public static ChaosHost start(Fault fault) throws IOException {
    return new ChaosHost(fault);
  }

  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket socket = server.accept();
        Thread connection = new Thread(() -> serve(socket), "chaos-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      String requestLine = readHead(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      if (requestLine.startsWith("GET / ") && fault != Fault.SILENT_TO_ALL) {
        write(out, "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n");
        return;
      }
      play(socket, out);
    } catch (IOException | InterruptedException gone) {
      // the runner hung up, as it should
    }
  }

  private void play(Socket socket, OutputStream out) throws IOException, InterruptedException {
    switch (fault) {
      case SILENT, SILENT_TO_ALL -> Thread.sleep(600_000);
      case CLOSE_BEFORE_STATUS -> { }
      case NOT_HTTP -> write(out, "SSH-2.0-OpenSSH_9.2\r\n\r\n");
      case ENDLESS_HEADERS -> {
        write(out, "HTTP/1.1 200 OK\r\n");
        for (int i = 0; ; i++) {
          write(out, "x-more-" + i + ": still coming\r\n");
          Thread.sleep(20);
        }
      }
      case SHORT_BODY -> write(out, "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n"
          + "{\"value\":");
      case LONG_BODY -> write(out, "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n"
          + "{}{\"and\":\"more\"}");
      case BAD_CHUNKED -> write(out, "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
      case ENDLESS_SSE -> {
        write(out, "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n");
        for (int i = 0; ; i++) {
          String event = "data: {\"chunk\":" + i + "}\n\n";
          write(out, Integer.toHexString(event.length()) + "\r\n" + event + "\r\n");
          Thread.sleep(5);
        }
      }
      case GIGABYTE_BODY -> {
        write(out, "HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\nconnection: close\r\n\r\n");
        byte[] megabyte = new byte[1024 * 1024];
        for (int i = 0; i < 1024; i++) {
          out.write(megabyte);
        }
      }
      case HUGE_HEADERS -> {
        write(out, "HTTP/1.1 200 OK\r\n");
        byte[] line = ("x-filler: " + "f".repeat(1000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 100_000; i++) {
          out.write(line);
        }
      }
      case ONE_BYTE_A_SECOND -> {
        for (byte b : "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII)) {
          out.write(b);
          out.flush();
          Thread.sleep(1000);
        }
      }
      case RESET_MID_EVENT -> {
        write(out, "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
            + "10\r\ndata: {\"chunk\":\r\n");
        Thread.sleep(100);
        socket.setSoLinger(true, 0); // close now sends a reset
      }
      case HTTP10_WITHOUT_LENGTH -> write(out, "HTTP/1.0 200 OK\r\ncontent-type: application/json\r\n\r\n{}");
    }
  }

  /** The request line; the rest of the head and a declared body are read and dropped. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    String text = head.toString();
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        in.readNBytes(Integer.parseInt(line.substring(15).strip()));
      }
    }
    int end = text.indexOf("\r\n");
    return end < 0 ? text : text.substring(0, end);
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
  }
}
