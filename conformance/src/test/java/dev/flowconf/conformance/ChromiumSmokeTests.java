package dev.flowconf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowconf.conformance.browser.HostPage;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Debian's Chromium, driven by Playwright, talks to a real host from a page on the host's own origin
 * (the path the browser checks take). The page is fulfilled by Playwright, so the host need not
 * serve HTML.
 */
@ExtendWith(PerJvmResources.class)
class ChromiumSmokeTests {

  private static final String FETCH_ECHO = """
      async () => {
        const response = await fetch('/echo', {method: 'POST', body: '{"value":" Hi "}'});
        return {status: response.status, body: await response.text()};
      }""";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"reference", "workers"})
  void aPageOnTheHostsOriginFetchesEcho(String host, PlaywrightRuntime playwright, HostsUnderTest hosts) {
    try (HostPage page = HostPage.open(playwright, hosts.target(host), "/echo")) {
      Map<?, ?> answer = (Map<?, ?>) page.evaluate(FETCH_ECHO, null);

      assertEquals(200, ((Number) answer.get("status")).intValue(), host + ", ECHO-1: status");
      assertEquals("{\"value\":\"hi\"}", answer.get("body"), host + ", ECHO-1: body");
    }
  }
}
