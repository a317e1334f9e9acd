package dev.flowconf.conformance.replay;

import dev.flowconf.conformance.golden.CaseRequest;
import dev.flowconf.conformance.golden.Header;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 request written byte for byte over a fresh connection ({@code connection: close}),
 * for what Playwright would alter: it keeps one value per header name and drops a bare {@code ?}, so
 * a case sending a field twice (META-HEADERS-1) or an empty query (META-HTTP-1) would test nothing.
 */
final class RawHttpExchange {

  private final int timeoutMillis;

  RawHttpExchange(int timeoutMillis) {
    this.timeoutMillis = timeoutMillis;
  }

  ObservedResponse send(Target host, CaseRequest request) throws IOException {
    URI url = URI.create(host.urlOf(request.path()));
    boolean tls = url.getScheme().equals("https");
    int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
    try (Socket socket = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket()) {
      socket.connect(new InetSocketAddress(url.getHost(), port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(head(request, url.getRawAuthority()));
      out.write(request.body());
      out.flush();
      return read(socket.getInputStream());
    }
  }

  private static byte[] head(CaseRequest request, String authority) {
    StringBuilder head = new StringBuilder(request.method() + " " + request.path() + " HTTP/1.1\r\n");
    if (request.headers().stream().noneMatch(h -> h.name().equals("host"))) {
      head.append("host: ").append(authority).append("\r\n");
    }
    request.headers().forEach(h -> head.append(h.name()).append(": ").append(h.value()).append("\r\n"));
    if (request.hasBody()) {
      head.append("content-length: ").append(request.body().length).append("\r\n");
    }
    head.append("connection: close\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static ObservedResponse read(InputStream in) throws IOException {
    String statusLine = line(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x status line: " + statusLine);
    }
    List<Header> headers = new ArrayList<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.add(new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
    }
    boolean chunked = headers.stream().anyMatch(h -> h.name().equals("transfer-encoding")
        && h.value().toLowerCase(Locale.ROOT).contains("chunked"));
    byte[] body = chunked ? dechunk(in) : in.readAllBytes(); // connection: close ends the body
    return new ObservedResponse(Integer.parseInt(parts[1]), headers, body);
  }

  private static byte[] dechunk(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
      body.write(in.readNBytes(size));
      line(in); // the CRLF after the chunk
    }
    return body.toByteArray();
  }

  private static int chunkSize(String line) {
    return Integer.parseInt(line.split(";", 2)[0].strip(), 16);
  }

  /** One CRLF-terminated line, as ISO-8859-1 (header bytes are octets). */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1; b = in.read()) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    throw new IOException("connection closed inside a line");
  }
}
