package dev.flowconf.conformance.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.isolation.IdentityRequest.Route;
import dev.flowconf.conformance.isolation.LeakyHost.Leak;
import dev.flowconf.conformance.replay.Target;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The isolation check against hosts that leak one part of the previous request into each answer: it
 * must count every answer that shows the leak. Against the same host leaking nothing it must find
 * nothing, which shows the mismatches come from the leak and not from the played host.
 */
class IsolationCheckTests {

  private static final int REQUESTS = 90;
  private static final int IN_FLIGHT = 15;
  private static final List<Route> ALL_ROUTES = List.of(Route.values());

  /** Words of the mismatch text that name the leaked part (one of them, per route). */
  private static final Map<Leak, List<String>> NAMED = Map.of(
      Leak.AUTH_USER, List.of("extensions.auth.user is", "body is {\"user\""),
      Leak.PAYLOAD, List.of("body is"),
      Leak.QUERY, List.of("extensions.http.query is"),
      Leak.HEADERS, List.of("extensions.http.headers.x-isolation-tag is"),
      Leak.ONE_RUN_ID, List.of("is also the run id of"));

  @Test
  void aHostThatLeaksNothingPasses() throws Exception {
    try (LeakyHost host = LeakyHost.start(Leak.NONE)) {
      IsolationOutcome outcome = new IsolationCheck(REQUESTS, IN_FLIGHT, ALL_ROUTES).run(host.target());

      assertTrue(outcome.passed(), outcome.report(5));
      assertEquals(REQUESTS, outcome.requests());
    }
  }

  @ParameterizedTest
  @EnumSource(value = Leak.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void everyAnswerShowingAnotherRequestsDataIsAMismatch(Leak leak) throws Exception {
    try (LeakyHost host = LeakyHost.start(leak)) {
      IsolationOutcome outcome = new IsolationCheck(REQUESTS, IN_FLIGHT, ALL_ROUTES).run(host.target());

      long exposed = host.exposedAmong(IdentityRequest.interleaved(REQUESTS, "any", ALL_ROUTES));
      // Every exposed answer leaks, except one: the very first request the host handled has no predecessor
      // (for ONE_RUN_ID: the first run holding the shared id).
      assertFalse(outcome.passed(), outcome.report(5));
      assertTrue(outcome.mismatches().size() >= exposed - 1 && outcome.mismatches().size() <= exposed,
          exposed + " answers could leak: " + outcome.report(5));
      assertEquals(List.of(), outcome.failures());
      assertTrue(outcome.mismatches().stream().allMatch(m -> NAMED.get(leak).stream().anyMatch(m::contains)),
          outcome.report(5));
    }
  }

  @Test
  void theMismatchShowsWhoseDataTheAnswerCarries() throws Exception {
    try (LeakyHost host = LeakyHost.start(Leak.AUTH_USER)) {
      // One at a time, so the host sees #0 (/meta, no predecessor), #1 (/harness/echo, shows no user), #2 (/echo).
      IsolationOutcome outcome = new IsolationCheck(3, 1, ALL_ROUTES).run(host.target());

      assertEquals(1, outcome.mismatches().size(), outcome.report(5));
      assertTrue(outcome.mismatches().get(0).startsWith("#2 POST /echo as user-2: body is {\"user\":{\"email\":"
          + "\"user-1@isolation.test\",\"sub\":\"user-1\"}"), outcome.mismatches().get(0));
    }
  }

  @Test
  void aHostThatDoesNotAnswerFailsEveryRequest() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    IsolationOutcome outcome = new IsolationCheck(6, 3, ALL_ROUTES).run(new Target("gone", URI.create("http://127.0.0.1:" + closedPort)));

    assertFalse(outcome.passed());
    assertEquals(6, outcome.failures().size(), outcome.report(6));
    assertTrue(outcome.failures().get(0).startsWith("#0 POST /meta as user-0: no answer: "), outcome.failures().get(0));
    assertEquals(List.of(), outcome.mismatches());
  }

  @Test
  void theSummaryIsTheLineScriptsRead() throws IOException, InterruptedException {
    try (LeakyHost host = LeakyHost.start(Leak.ONE_RUN_ID)) {
      IsolationOutcome outcome = new IsolationCheck(7, 2, ALL_ROUTES).run(host.target());

      // 7 requests: #0, #3, #6 go to /meta; #3 and #6 (or two of the three) share the first one's run id.
      assertTrue(outcome.summary().matches(
          "isolation leaky-one-run-id: 7 requests to /meta /harness/echo /echo, 2 in flight: 2 mismatches, 0 failed \\(\\d+\\.\\d s\\)"),
          outcome.summary());
    }
  }
}
