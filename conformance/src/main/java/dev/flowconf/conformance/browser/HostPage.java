package dev.flowconf.conformance.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import dev.flowconf.conformance.replay.Target;

/**
 * A Chromium page on the host's own origin, in a fresh browser context, so scripts reach the host
 * without CORS. Playwright fulfils the page itself: the host need not serve any HTML.
 */
public final class HostPage implements AutoCloseable {

  private static final String PAGE_PATH = "/__flowconf/blank";

  private final BrowserContext context;
  private final Page page;

  private HostPage(BrowserContext context, Page page) {
    this.context = context;
    this.page = page;
  }

  public static HostPage open(Browser browser, Target host) {
    BrowserContext context = browser.newContext();
    try {
      Page page = context.newPage();
      String url = host.urlOf(PAGE_PATH);
      page.route(url, route -> route.fulfill(new Route.FulfillOptions()
          .setStatus(200)
          .setContentType("text/html")
          .setBody("<!doctype html><title>flowconf</title>")));
      page.navigate(url);
      return new HostPage(context, page);
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }

  /** Runs {@code script} (a JS function) with {@code argument} in the page and returns its result. */
  public Object evaluate(String script, Object argument) {
    return page.evaluate(script, argument);
  }

  @Override
  public void close() {
    context.close();
  }
}
