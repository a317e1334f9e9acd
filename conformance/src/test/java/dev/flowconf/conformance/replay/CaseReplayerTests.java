package dev.flowconf.conformance.replay;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowconf.conformance.CannedHostTestCase;
import dev.flowconf.conformance.CannedHostTestCase.Received;
import dev.flowconf.conformance.PerJvmResources;
import dev.flowconf.conformance.golden.CaseRequest;
import dev.flowconf.conformance.golden.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PerJvmResources.class)
class CaseReplayerTests {

  private CannedHostTestCase host;

  @BeforeEach
  void startHost() throws IOException {
    host = CannedHostTestCase.start();
  }

  @AfterEach
  void stopHost() {
    host.close();
  }

  @Test
  void sendsTheCaseBytesExactlyEvenWhenTheyAreNotJson(PlaywrightRuntime playwright) {
    byte[] body = "{\"value\":".getBytes(StandardCharsets.UTF_8);
    new CaseReplayer(playwright).send(host.target("canned"),
        new CaseRequest("POST", "/echo?x=1", List.of(new Header("content-type", "application/json")), body));

    Received received = host.received().get(0);
    assertAll(
        () -> assertEquals("POST", received.method()),
        () -> assertEquals("/echo", received.path()),
        () -> assertArrayEquals(body, received.body()),
        () -> assertEquals(List.of("application/json"), received.header("content-type")));
  }

  @Test
  void sendsNoBodyAndNoContentTypeWhenTheCaseHasNone(PlaywrightRuntime playwright) {
    new CaseReplayer(playwright).send(host.target("canned"), new CaseRequest("POST", "/echo", List.of(), new byte[0]));

    Received received = host.received().get(0);
    assertAll(
        () -> assertEquals(0, received.body().length),
        () -> assertEquals(List.of(), received.header("content-type")));
  }

  @Test
  void recordsStatusHeadersAndBodyOfAnyAnswer(PlaywrightRuntime playwright) {
    host.answer("/echo", 404, "text/plain", "route not found");

    ObservedResponse response = new CaseReplayer(playwright).send(host.target("canned"),
        new CaseRequest("GET", "/echo", List.of(), new byte[0]));

    assertAll(
        () -> assertEquals(404, response.status()),
        () -> assertEquals(List.of(new Header("content-type", "text/plain")),
            response.headers().stream().filter(h -> h.name().equals("content-type")).toList()),
        () -> assertArrayEquals("route not found".getBytes(StandardCharsets.UTF_8), response.body()));
  }
}
