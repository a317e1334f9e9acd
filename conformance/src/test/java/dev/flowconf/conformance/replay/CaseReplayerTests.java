package dev.flowconf.conformance.replay;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.StandInHost;
import dev.flowconf.conformance.StandInHost.Received;
import dev.flowconf.conformance.PerJvmResources;
import dev.flowconf.conformance.golden.CaseRequest;
import dev.flowconf.conformance.golden.Header;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PerJvmResources.class)
class CaseReplayerTests {

  private StandInHost host;

  @BeforeEach
  void startHost() throws IOException {
    host = StandInHost.start();
  }

  @AfterEach
  void stopHost() {
    host.close();
  }

  @Test
  void sendsTheCaseBytesExactlyEvenWhenTheyAreNotJson(PlaywrightRuntime playwright) {
    byte[] body = "{\"value\":".getBytes(StandardCharsets.UTF_8);
    new CaseReplayer(playwright).send(host.target("stand-in"),
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
    new CaseReplayer(playwright).send(host.target("stand-in"), new CaseRequest("POST", "/echo", List.of(), new byte[0]));

    Received received = host.received().get(0);
    assertAll(
        () -> assertEquals(0, received.body().length),
        () -> assertEquals(List.of(), received.header("content-type")));
  }

  @Test
  void sendsARepeatedHeaderFieldAsSeparateFieldsWhichPlaywrightWouldMerge(PlaywrightRuntime playwright) {
    host.answerInChunks("/meta", "application/json", "{\"a\":", "1}");
    CaseRequest request = new CaseRequest("POST", "/meta?foo=bar", List.of(new Header("host", "localhost"),
        new Header("x-multi", "a"), new Header("x-multi", "b"), new Header("content-type", "application/json")),
        "{}".getBytes(StandardCharsets.UTF_8));

    ObservedResponse response = new CaseReplayer(playwright).send(host.target("stand-in"), request);

    Received received = host.received().get(0);
    assertAll(
        () -> assertEquals(List.of("a", "b"), received.header("x-multi"), "META-HEADERS-1 needs two fields on the wire"),
        () -> assertEquals(List.of("localhost"), received.header("host")),
        () -> assertEquals("/meta", received.path()),
        () -> assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), received.body()),
        () -> assertEquals(200, response.status()),
        () -> assertTrue(response.headers().contains(new Header("content-type", "application/json"))),
        () -> assertEquals("{\"a\":1}", new String(response.body(), StandardCharsets.UTF_8), "chunks joined"));
  }

  @Test
  void aHostThatIsGoneGetsNoAnswerWhicheverWayTheRequestGoes(PlaywrightRuntime playwright) throws IOException {
    Target gone;
    try (ServerSocket socket = new ServerSocket(0)) {
      gone = new Target("gone", URI.create("http://127.0.0.1:" + socket.getLocalPort()));
    }
    CaseRequest repeated = new CaseRequest("GET", "/meta", List.of(new Header("x-a", "1"), new Header("x-a", "2")),
        new byte[0]);

    for (CaseRequest request : List.of(repeated, new CaseRequest("GET", "/meta", List.of(), new byte[0]))) {
      ExchangeFailure error = assertThrows(ExchangeFailure.class,
          () -> new CaseReplayer(playwright).send(gone, request));
      assertAll(
          () -> assertEquals("connection refused", error.reason()),
          () -> assertTrue(error.isNoAnswer()),
          () -> assertTrue(error.details().startsWith("GET " + gone.urlOf("/meta")), error.details()));
    }
  }

  @Test
  void sendsAChunkedBodyInChunksAndALowerCaseMethodAsWritten(PlaywrightRuntime playwright) {
    byte[] body = "{\"value\":\"x\"}".repeat(10_000).getBytes(StandardCharsets.UTF_8);
    CaseRequest request = new CaseRequest("post", "/echo", List.of(new Header("content-type", "application/json"),
        new Header("transfer-encoding", "chunked")), body);

    new CaseReplayer(playwright).send(host.target("stand-in"), request);

    Received received = host.received().get(0);
    assertAll(
        () -> assertEquals("post", received.method()),
        () -> assertArrayEquals(body, received.body(), "the chunks joined are the body"),
        () -> assertEquals(List.of("chunked"), received.header("transfer-encoding")),
        () -> assertEquals(List.of(), received.header("content-length")));
  }

  @Test
  void keepsAnAnswerThatCameBeforeTheHostReadTheBody(PlaywrightRuntime playwright) throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      Thread refuser = new Thread(() -> answerWithoutReadingTheBody(server));
      refuser.start();
      CaseRequest tenMegabytes = new CaseRequest("POST", "/echo",
          List.of(new Header("content-type", "application/json")), new byte[10 * 1024 * 1024]);

      ObservedResponse response = new CaseReplayer(playwright).send(
          new Target("refuser", URI.create("http://127.0.0.1:" + server.getLocalPort())), tenMegabytes);

      refuser.join(10_000);
      assertAll(
          () -> assertEquals(413, response.status()),
          () -> assertEquals("{}", new String(response.body(), StandardCharsets.UTF_8)));
    }
  }

  /** Reads one request head, answers 413, and closes with the body unread (the kernel then resets the connection). */
  private static void answerWithoutReadingTheBody(ServerSocket server) {
    try (java.net.Socket socket = server.accept()) {
      java.io.InputStream in = socket.getInputStream();
      for (int matched = 0; matched < 4; ) {
        int b = in.read();
        matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      socket.getOutputStream().write(("HTTP/1.1 413 Payload Too Large\r\ncontent-length: 2\r\n"
          + "connection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void recordsStatusHeadersAndBodyOfAnyAnswer(PlaywrightRuntime playwright) {
    host.answer("/echo", 404, "text/plain", "route not found");

    ObservedResponse response = new CaseReplayer(playwright).send(host.target("stand-in"),
        new CaseRequest("GET", "/echo", List.of(), new byte[0]));

    assertAll(
        () -> assertEquals(404, response.status()),
        () -> assertEquals(List.of(new Header("content-type", "text/plain")),
            response.headers().stream().filter(h -> h.name().equals("content-type")).toList()),
        () -> assertArrayEquals("route not found".getBytes(StandardCharsets.UTF_8), response.body()));
  }

  @Test
  void aRequestThatWaitsForItsLaneLongerThanTheTimeoutStillReachesTheHost() throws Exception {
    host.answer("/echo", 200, "text/plain", "answered");
    try (PlaywrightRuntime oneLane = PlaywrightRuntime.start(1)) {
      CountDownLatch laneBusy = new CountDownLatch(1);
      Thread otherCase = new Thread(() -> oneLane.run(() -> {
        laneBusy.countDown();
        sleepMillis(1_500);
      }));
      otherCase.start();
      laneBusy.await();

      // The relay starts now, 1.5 s before the request gets the lane: three times the exchange's bound.
      ObservedResponse response = new CaseReplayer(oneLane, Duration.ofMillis(500)).send(host.target("stand-in"),
          new CaseRequest("GET", "/echo", List.of(), new byte[0]));
      otherCase.join();

      assertAll(
          () -> assertEquals(200, response.status()),
          () -> assertArrayEquals("answered".getBytes(StandardCharsets.UTF_8), response.body()));
    }
  }

  private static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
