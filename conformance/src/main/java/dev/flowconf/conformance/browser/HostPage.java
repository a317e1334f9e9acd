package dev.flowconf.conformance.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.replay.Target;
import java.time.Duration;
import java.util.Map;

/**
 * A Chromium page on the host's own origin, in a fresh browser context, so scripts reach the host
 * without CORS. Playwright fulfils the page itself: the host need not serve any HTML. Usable from any
 * thread: each Playwright call goes through the {@link PlaywrightRuntime}.
 */
public final class HostPage implements AutoCloseable {

  private static final String PAGE_PATH = "/__flowconf/blank";

  // A script runs for as long as its stream does (s2: ~600 ms); holding the Playwright thread that
  // long would stall every other case. So the page starts it and keeps its outcome in a global, and
  // the caller polls for it between other cases' calls. Browser-side timing is not affected.
  private static final String BEGIN = """
      argument => {
        window.__flowconf = {done: false};
        Promise.resolve()
          .then(() => (SCRIPT)(argument))
          .then(value => { window.__flowconf = {done: true, value}; },
                error => { window.__flowconf = {done: true, error: String(error && error.stack || error)}; });
      }""";
  private static final String IS_DONE = "() => window.__flowconf.done";
  private static final String OUTCOME = "() => window.__flowconf";
  private static final long POLL_MILLIS = 20;
  // Every script bounds its own waits (10 s at most); this only stops a wedged page from hanging the run.
  private static final Duration GIVE_UP = Duration.ofSeconds(60);

  private final PlaywrightRuntime playwright;
  private final BrowserContext context;
  private final Page page;

  private HostPage(PlaywrightRuntime playwright, BrowserContext context, Page page) {
    this.playwright = playwright;
    this.context = context;
    this.page = page;
  }

  public static HostPage open(PlaywrightRuntime playwright, Target host) {
    return playwright.call(() -> {
      BrowserContext context = playwright.chromium().newContext();
      try {
        Page page = context.newPage();
        String url = host.urlOf(PAGE_PATH);
        page.route(url, route -> route.fulfill(new Route.FulfillOptions()
            .setStatus(200)
            .setContentType("text/html")
            .setBody("<!doctype html><title>flowconf</title>")));
        page.navigate(url);
        return new HostPage(playwright, context, page);
      } catch (RuntimeException e) {
        context.close();
        throw e;
      }
    });
  }

  /**
   * Runs {@code script} (a JS function, possibly async) with {@code argument} in the page and returns
   * its result; a script that throws is a {@link PlaywrightException}.
   */
  public Object evaluate(String script, Object argument) {
    playwright.run(() -> page.evaluate(BEGIN.replace("SCRIPT", script), argument));
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    while (!Boolean.TRUE.equals(playwright.call(() -> page.evaluate(IS_DONE)))) {
      if (System.nanoTime() > deadline) {
        throw new PlaywrightException("the page's script gave no result within " + GIVE_UP.toSeconds() + " s");
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PlaywrightException("interrupted while waiting for the page's script");
      }
    }
    Map<?, ?> outcome = (Map<?, ?>) playwright.call(() -> page.evaluate(OUTCOME));
    if (outcome.containsKey("error") && outcome.get("error") != null) {
      throw new PlaywrightException("the page's script failed: " + outcome.get("error"));
    }
    return outcome.get("value");
  }

  @Override
  public void close() {
    playwright.run(context::close);
  }
}
