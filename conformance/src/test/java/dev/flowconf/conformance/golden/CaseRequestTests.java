package dev.flowconf.conformance.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which requests Playwright would not send byte for byte, and why. */
class CaseRequestTests {

  private static final Header JSON = new Header("content-type", "application/json");

  @Test
  void anOrdinaryRequestGoesThroughPlaywright() {
    CaseRequest request = new CaseRequest("POST", "/echo?x=1", List.of(JSON, new Header("x-a", "1")), bytes("{}"));

    assertEquals(Optional.empty(), request.whyOnlyARawSocketSendsIt());
  }

  @Test
  void eachThingPlaywrightWouldChangeOrCannotSendSaysSo() {
    assertReason("repeats a header name",
        new CaseRequest("GET", "/meta", List.of(new Header("x-a", "1"), new Header("x-a", "2")), new byte[0]));
    assertReason("bare `?`", new CaseRequest("GET", "/meta?", List.of(), new byte[0]));
    assertReason("not upper-case", new CaseRequest("post", "/echo", List.of(JSON), bytes("{}")));
    assertReason("no `content-type`", new CaseRequest("POST", "/echo", List.of(), bytes("{}")));
    assertReason("chunked",
        new CaseRequest("POST", "/echo", List.of(JSON, new Header("Transfer-Encoding", "chunked")), bytes("{}")));
    assertReason("not ASCII", new CaseRequest("GET", "/meta", List.of(new Header("x-city", "Zürich")), new byte[0]));
    assertReason("larger than 65536 bytes",
        new CaseRequest("POST", "/echo", List.of(JSON), new byte[CaseRequest.PLAYWRIGHT_MAX_BYTES]));
    assertReason("larger than 65536 bytes", new CaseRequest("GET", "/health",
        List.of(new Header("x-long", "a".repeat(CaseRequest.PLAYWRIGHT_MAX_BYTES))), new byte[0]));
  }

  @Test
  void aBodyWithoutContentTypeIsFineWhenThereIsNoBody() {
    assertEquals(Optional.empty(), new CaseRequest("GET", "/health", List.of(), new byte[0]).whyOnlyARawSocketSendsIt());
  }

  @Test
  void tellsAChunkedRequestByItsTransferEncoding() {
    assertTrue(new CaseRequest("POST", "/", List.of(new Header("transfer-encoding", "gzip, chunked")), new byte[0])
        .isChunked());
    assertEquals(false, new CaseRequest("POST", "/", List.of(JSON), new byte[0]).isChunked());
  }

  private static void assertReason(String expected, CaseRequest request) {
    String why = request.whyOnlyARawSocketSendsIt().orElse("(Playwright would send it)");
    assertTrue(why.contains(expected), why);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
