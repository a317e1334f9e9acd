package dev.flowconf.conformance.golden;

import java.util.List;
import java.util.Objects;

/**
 * The request a golden case sends, exactly: method, path (with any query), header fields in the
 * order the case lists them (a name may repeat), and the body bytes (empty when the case has none).
 */
public record CaseRequest(String method, String path, List<Header> headers, byte[] body) {

  public CaseRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    headers = List.copyOf(headers);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  public boolean hasBody() {
    return body.length > 0;
  }

  /** Whether a header field name occurs more than once, which Fetch-based clients cannot send. */
  public boolean repeatsAHeaderName() {
    return headers.stream().map(Header::name).distinct().count() < headers.size();
  }
}
