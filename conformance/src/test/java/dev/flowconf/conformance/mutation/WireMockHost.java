package dev.flowconf.conformance.mutation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import dev.flowconf.conformance.golden.CaseRequest;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.Header;
import dev.flowconf.conformance.replay.Target;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One WireMock server that plays a finite answer to one case at a time: the stub matches the case's
 * method, path and exact body bytes (so the control host also proves the runner sent the case's
 * request), and an event stream is sent in dribbled chunks as a real stream would be.
 */
final class WireMockHost implements AutoCloseable {

  private static final int STREAM_CHUNKS = 4;
  private static final int STREAM_MILLIS = 40;

  private final WireMockServer server;

  private WireMockHost(WireMockServer server) {
    this.server = server;
  }

  static WireMockHost start() {
    WireMockServer server = new WireMockServer(options()
        .bindAddress("127.0.0.1")
        .dynamicPort()
        .gzipDisabled(true) // a host under test decides its own encoding; none of ours compresses
        .disableRequestJournal()
        .notifier(new ConsoleNotifier(false)));
    server.start();
    return new WireMockHost(server);
  }

  /** Plays {@code answer} to {@code golden}'s request (and a 404 to anything else) as the host {@code name}. */
  Target play(String name, GoldenCase golden, Answer answer) {
    server.resetAll();
    CaseRequest request = golden.request();
    MappingBuilder stub = WireMock.request(request.method(), urlPathEqualTo(request.path().split("\\?", 2)[0]));
    if (request.hasBody()) {
      stub = stub.withRequestBody(binaryEqualTo(request.body()));
    }
    ResponseDefinitionBuilder response = aResponse().withStatus(answer.status());
    fieldsByName(answer.headers()).forEach((field, values) -> response.withHeader(field, values.toArray(String[]::new)));
    if (!answer.body().isEmpty()) {
      response.withBody(answer.body().getBytes(StandardCharsets.UTF_8));
      if (answer.eventStream()) {
        response.withChunkedDribbleDelay(STREAM_CHUNKS, STREAM_MILLIS);
      }
    }
    server.stubFor(stub.willReturn(response));
    return new Target(name, URI.create("http://127.0.0.1:" + server.port()));
  }

  private static Map<String, List<String>> fieldsByName(List<Header> headers) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    headers.forEach(h -> fields.computeIfAbsent(h.name(), n -> new ArrayList<>()).add(h.value()));
    return fields;
  }

  @Override
  public void close() {
    server.stop();
  }
}
