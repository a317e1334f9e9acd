package dev.flowconf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.isolation.IsolationCheck;
import dev.flowconf.conformance.isolation.IsolationOutcome;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each host keeps concurrent requests apart: 200 interleaved requests of 200 users to {@code /meta}
 * and {@code /harness/echo}, 50 at a time (so connections are reused by other users), each answer
 * holding exactly its own request's user, headers, query and payload, and every run its own run id.
 * Not {@code /echo}: s1's 250 ms deadline makes a cold or busy host answer some of it 504, which
 * would make this test depend on timing ({@code ci/stress} sends it too). That the check catches a
 * host that does leak is shown by {@code isolation.IsolationCheckTests}.
 */
@ExtendWith(PerJvmResources.class)
class HostIsolationTests {

  private static final int REQUESTS = 200;
  private static final int IN_FLIGHT = 50;
  private static final int SHOWN = 20;

  @ParameterizedTest(name = "isolation @ {0}")
  @FieldSource("dev.flowconf.conformance.HostsUnderTest#NAMES")
  void everyAnswerCarriesOnlyItsOwnRequestsIdentity(String host, HostsUnderTest hosts) throws Exception {
    IsolationOutcome outcome = new IsolationCheck(REQUESTS, IN_FLIGHT, IsolationCheck.UNTIMED_ROUTES).run(hosts.target(host));

    assertEquals(REQUESTS, outcome.requests());
    assertTrue(outcome.passed(), outcome.report(SHOWN));
  }
}
