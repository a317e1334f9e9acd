package dev.flowconf.conformance.golden;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The request a golden case sends, exactly: method, path (with any query), header fields in the
 * order the case lists them (a name may repeat), and the body bytes (empty when the case has none).
 */
public record CaseRequest(String method, String path, List<Header> headers, byte[] body) {

  /**
   * The largest request Playwright is given. Its driver (Node) dies of an unhandled EPIPE when a host
   * answers before it has read a bigger body (a 413, a 404) and closes the connection: measured with
   * 2 and 10 MiB bodies. Up to this size a request fits the sockets' buffers, so the write never fails.
   */
  public static final int PLAYWRIGHT_MAX_BYTES = 64 * 1024;

  public CaseRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    headers = List.copyOf(headers);
    body = body.clone();
  }

  /** A copy of the body; see {@link #bodyLength()} for its size alone. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  public int bodyLength() {
    return body.length;
  }

  public boolean hasBody() {
    return body.length > 0;
  }

  /** Whether a header field name occurs more than once, which Fetch-based clients cannot send. */
  public boolean repeatsAHeaderName() {
    return headers.stream().map(Header::name).distinct().count() < headers.size();
  }

  /** Whether the case asks for a chunked body ({@code transfer-encoding: chunked}), sent without a length. */
  public boolean isChunked() {
    return headers.stream().anyMatch(h -> h.name().equals("transfer-encoding")
        && h.value().toLowerCase(Locale.ROOT).contains("chunked"));
  }

  /**
   * Why Playwright (and so a browser) would not send this request byte for byte, or empty when it
   * would. Such a request can only be an {@code exchange}, sent over a raw socket.
   */
  public Optional<String> whyOnlyARawSocketSendsIt() {
    if (repeatsAHeaderName()) {
      return Optional.of("it repeats a header name, and Playwright keeps one value per name");
    }
    if (path.endsWith("?")) {
      return Optional.of("its path ends in a bare `?`, which Playwright drops");
    }
    if (!method.equals(method.toUpperCase(Locale.ROOT))) {
      return Optional.of("its method is not upper-case, and Playwright upper-cases it");
    }
    if (hasBody() && headers.stream().noneMatch(h -> h.name().equals("content-type"))) {
      return Optional.of("its body has no `content-type`, and Playwright would add `application/octet-stream`");
    }
    if (isChunked()) {
      return Optional.of("its body is chunked, and Playwright sends a `content-length`");
    }
    if (headers.stream().anyMatch(h -> !h.value().chars().allMatch(c -> c < 0x80))) {
      return Optional.of("a header value is not ASCII, which Playwright sends as ISO-8859-1 or not at all");
    }
    if (size() > PLAYWRIGHT_MAX_BYTES) {
      return Optional.of("it is larger than " + PLAYWRIGHT_MAX_BYTES + " bytes (see PLAYWRIGHT_MAX_BYTES)");
    }
    return Optional.empty();
  }

  /** Header fields (name, value, 4 bytes of separators) and body: near enough the bytes on the wire. */
  private long size() {
    return body.length + headers.stream().mapToLong(h -> h.name().length() + h.value().length() + 4L).sum();
  }
}
