package dev.flowconf.conformance.golden;

import java.util.List;
import java.util.Objects;

/**
 * The request a golden case sends, exactly: method, path (with any query), headers in the order the
 * case lists them, and the body bytes (empty when the case has no body).
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
}
