package dev.flowconf.conformance.replay;

import dev.flowconf.conformance.golden.Header;
import java.util.List;

/** What a host answered: status, every header field in arrival order, and the body bytes. */
public record ObservedResponse(int status, List<Header> headers, byte[] body) {

  public ObservedResponse {
    headers = List.copyOf(headers);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
