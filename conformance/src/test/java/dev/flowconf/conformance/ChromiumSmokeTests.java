package dev.flowconf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Debian's Chromium, driven by Playwright, talks to a real host from a page on the host's own origin
 * (the path streaming checks will take). The page is fulfilled by Playwright, so the host need not
 * serve HTML.
 */
@ExtendWith(PerJvmResources.class)
class ChromiumSmokeTests {

  private static final String FETCH_ECHO = """
      async () => {
        const response = await fetch('/echo', {method: 'POST', body: '{"value":" Hi "}'});
        return {status: response.status, body: await response.text()};
      }""";

  @Test
  void aPageOnTheReferenceOriginFetchesEcho(PlaywrightRuntime playwright, HostsUnderTest hosts) {
    String blank = hosts.target("reference").urlOf("/__flowconf/blank");
    try (Browser browser = playwright.launchChromium()) {
      Page page = browser.newPage();
      page.route(blank, route -> route.fulfill(new Route.FulfillOptions()
          .setStatus(200)
          .setContentType("text/html")
          .setBody("<!doctype html><title>flowconf</title>")));
      page.navigate(blank);

      @SuppressWarnings("unchecked")
      Map<String, Object> answer = (Map<String, Object>) page.evaluate(FETCH_ECHO);

      assertEquals(200, ((Number) answer.get("status")).intValue(), "ECHO-1: status");
      assertEquals("{\"value\":\"hi\"}", answer.get("body"), "ECHO-1: body");
    }
  }
}
