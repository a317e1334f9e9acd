package dev.flowconf.conformance.transcript;

import dev.flowconf.conformance.golden.CaseRequest;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Appends the parts every kind of transcript shares, in one layout: the case header, the request as
 * sent ({@code >>>}), the answer's status ({@code <<<}) and compared headers, then free lines.
 */
final class TranscriptWriter {

  /** The response headers a transcript shows, in this order; all others (date, server, …) vary by host. */
  static final List<String> COMPARED_HEADERS = List.of("content-type", "cache-control", "allow");

  /** Longer request bodies and header values are shown by size, SHA-256 and edges ({@link LongContent}). */
  static final int BODY_SHOWN_WHOLE_BYTES = 1024;
  static final int HEADER_VALUE_SHOWN_WHOLE_BYTES = 256;

  private final StringBuilder out = new StringBuilder();

  TranscriptWriter(GoldenCase golden) {
    out.append("# ").append(golden.id()).append(" — ").append(VisibleText.ofText(golden.description())).append('\n');
    out.append("# clauses: ").append(String.join(" ", golden.clauses())).append("\n\n");
  }

  /** {@code >>> <method> <path> (<how>)}, the header fields as sent, and the body; {@code how} may be empty. */
  TranscriptWriter request(CaseRequest request, String how) {
    out.append(">>> ").append(request.method()).append(' ').append(VisibleText.ofText(request.path()))
        .append(how.isEmpty() ? "" : " (" + how + ")").append('\n');
    request.headers().forEach(this::header);
    out.append('\n');
    out.append(requestBody(request)).append("\n\n");
    return this;
  }

  /** {@code <<< <status>}, then each compared header the host sent (every field of a repeated name), then a blank line. */
  TranscriptWriter response(int status, List<Header> headers) {
    out.append("<<< ").append(status).append('\n');
    for (String name : COMPARED_HEADERS) {
      headers.stream().filter(header -> header.name().equals(name)).forEach(this::header);
    }
    out.append('\n');
    return this;
  }

  TranscriptWriter line(String line) {
    out.append(line).append('\n');
    return this;
  }

  TranscriptWriter text(String linesEachEndingInLineFeed) {
    out.append(linesEachEndingInLineFeed);
    return this;
  }

  private static String requestBody(CaseRequest request) {
    if (!request.hasBody()) {
      return "(no body)";
    }
    byte[] body = request.body();
    return body.length > BODY_SHOWN_WHOLE_BYTES ? LongContent.summary(body) : VisibleText.ofBytes(body);
  }

  private void header(Header header) {
    byte[] value = header.value().getBytes(StandardCharsets.UTF_8);
    out.append(header.name()).append(':');
    if (value.length > 0) { // an empty value leaves no trailing space for an editor to strip
      out.append(' ').append(value.length > HEADER_VALUE_SHOWN_WHOLE_BYTES ? LongContent.summary(value)
          : VisibleText.ofText(header.value()));
    }
    out.append('\n');
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
