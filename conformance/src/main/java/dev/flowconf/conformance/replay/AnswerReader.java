package dev.flowconf.conformance.replay;

import dev.flowconf.conformance.golden.Header;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one HTTP/1.x answer strictly (RFC 9112's framing), within limits, and names the first way it breaks the
 * framing: a status line that is not HTTP, a header section that never ends or is too large, a body shorter or
 * longer than its content-length, bad chunked encoding, a body too large to hold, HTTP/1.0 with its end left to
 * the closing connection. The limits keep the runner's memory bounded whatever a host sends.
 */
final class AnswerReader {

  /** Far more than any approved answer's header section (a few hundred bytes). */
  static final int MAX_HEADER_BYTES = 1024 * 1024;
  /** Far more than any approved answer's body (the largest are a few kB). */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
  /** How long to look for bytes after a body's announced end; a host that sends more sends it with the body. */
  private static final int AFTER_END_MILLIS = 5;

  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] [0-9]{3}( .*)?");

  private final AnswerInput in;
  /** Bytes of lines read so far: the header section's, then (reset) the chunked body's size lines and trailer. */
  private int lineBytes;
  private boolean inBody;

  AnswerReader(AnswerInput in) {
    this.in = in;
  }

  /** The answer to a request with {@code method}. */
  ObservedResponse read(String method) throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw ExchangeFailure.noAnswer("connection closed before the status line", "");
    }
    if (!STATUS_LINE.matcher(statusLine).matches()) {
      throw ExchangeFailure.brokenAnswer("status line is not HTTP/1.x: " + quote(statusLine), "");
    }
    boolean http10 = statusLine.startsWith("HTTP/1.0");
    int status = Integer.parseInt(statusLine.substring(9, 12));
    in.stage("header section");
    List<Header> headers = new ArrayList<>();
    for (String line = line(); ; line = line()) {
      if (line == null) {
        throw ExchangeFailure.brokenAnswer("connection closed inside the header section", "");
      }
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw ExchangeFailure.brokenAnswer("header line without a name and colon: " + quote(line), "");
      }
      headers.add(new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
    }
    in.stage("body");
    inBody = true;
    lineBytes = 0;
    byte[] body;
    if (method.equalsIgnoreCase("HEAD") || status / 100 == 1 || status == 204 || status == 304) {
      body = new byte[0];
    } else if (values(headers, "transfer-encoding").stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
      body = dechunk();
    } else {
      List<String> lengths = values(headers, "content-length");
      if (!lengths.isEmpty()) {
        body = exactly(contentLength(lengths));
      } else if (http10) {
        throw ExchangeFailure.brokenAnswer("answered HTTP/1.0 without a content-length (the body ends when the "
            + "connection closes)", "an HTTP/1.1 client asked; a host answers HTTP/1.1, with a length or chunks");
      } else {
        body = untilClosed();
      }
    }
    return new ObservedResponse(status, headers, body);
  }

  private byte[] exactly(long length) throws IOException {
    if (length > MAX_BODY_BYTES) {
      throw tooLarge("its content-length announces " + length + " bytes");
    }
    byte[] body = in.readNBytes((int) length);
    if (body.length < length) {
      throw ExchangeFailure.brokenAnswer("body ended after " + body.length + " of the " + length
          + " bytes its content-length announced", "");
    }
    int more = in.pending(AFTER_END_MILLIS);
    if (more > 0) {
      throw ExchangeFailure.brokenAnswer("body longer than its content-length: " + more
          + " more bytes after the " + length + " announced", "");
    }
    return body;
  }

  private byte[] untilClosed() throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw tooLarge("no length given");
    }
    return body;
  }

  private byte[] dechunk() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line();
      if (sizeLine == null) {
        throw ExchangeFailure.brokenAnswer("connection closed inside the chunked body after " + body.size() + " bytes", "");
      }
      String size = sizeLine.split(";", 2)[0].strip();
      long length;
      try {
        if (size.isEmpty() || size.length() > 15) {
          throw new NumberFormatException();
        }
        length = Long.parseLong(size, 16);
      } catch (NumberFormatException e) {
        throw ExchangeFailure.brokenAnswer("bad chunked encoding: chunk size line " + quote(sizeLine), "");
      }
      if (length == 0) {
        break;
      }
      if (body.size() + length > MAX_BODY_BYTES) {
        throw tooLarge("chunked");
      }
      byte[] chunk = in.readNBytes((int) length);
      body.write(chunk);
      if (chunk.length < length) {
        throw ExchangeFailure.brokenAnswer("connection closed inside a chunk after " + body.size() + " bytes of body", "");
      }
      String end = line();
      if (end == null || !end.isEmpty()) {
        throw ExchangeFailure.brokenAnswer("bad chunked encoding: no CRLF after a chunk of " + length + " bytes", "");
      }
    }
    for (String trailer = line(); trailer == null || !trailer.isEmpty(); trailer = line()) {
      if (trailer == null) {
        throw ExchangeFailure.brokenAnswer("connection closed inside the chunked body's trailer", "");
      }
    }
    return body.toByteArray();
  }

  private static long contentLength(List<String> lengths) {
    if (lengths.stream().distinct().count() > 1 || !lengths.get(0).matches("[0-9]{1,18}")) {
      throw ExchangeFailure.brokenAnswer("bad content-length: " + quote(String.join(", ", lengths)), "");
    }
    return Long.parseLong(lengths.get(0));
  }

  private ExchangeFailure tooLarge(String how) {
    return ExchangeFailure.brokenAnswer("body larger than the " + MAX_BODY_BYTES / (1024 * 1024)
        + " MiB the runner reads (" + how + ")", "stopped reading after " + in.received() + " bytes");
  }

  /** One CRLF- (or LF-) terminated line as ISO-8859-1; null at the end of the stream before any byte of it. */
  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); ; b = in.read()) {
      if (b == -1) {
        return line.size() == 0 ? null : closedInLine(line);
      }
      if (++lineBytes > MAX_HEADER_BYTES) {
        throw ExchangeFailure.brokenAnswer((inBody ? "chunk size lines and trailer" : "header section")
            + " larger than " + MAX_HEADER_BYTES / 1024 + " KiB (stopped reading)", "");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
  }

  private static String closedInLine(ByteArrayOutputStream line) {
    throw ExchangeFailure.brokenAnswer("connection closed inside a line: "
        + quote(line.toString(StandardCharsets.ISO_8859_1)), "");
  }

  private static List<String> values(List<Header> headers, String name) {
    return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
  }

  /** At most 60 characters, control characters escaped: a host's garbage must not break the report's line. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints().limit(60).forEach(c -> {
      if (c < 0x20 || c == 0x7F) {
        out.append(String.format(Locale.ROOT, "\\x%02x", c));
      } else if (c == '"' || c == '\\') {
        out.append('\\').appendCodePoint(c);
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append(text.length() > 60 ? "\"…" : "\"").toString();
  }
}
