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

  // For evaluateOffThread: the page starts the script and keeps its outcome in a global, which the
  // caller polls for between other cases' calls.
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

  /** A page on the origin that serves {@code path} on {@code host} (a target's processes may differ in port). */
  public static HostPage open(PlaywrightRuntime playwright, Target host, String path) {
    return playwright.call(() -> {
      BrowserContext context = playwright.chromium().newContext();
      try {
        Page page = context.newPage();
        String url = host.originOf(path) + PAGE_PATH;
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
   * its result, holding the Playwright thread until it has: nothing else talks to the browser
   * meanwhile, as for a script that times the host (abort after 100 ms).
   */
  public Object evaluate(String script, Object argument) {
    return playwright.call(() -> page.evaluate(script, argument));
  }

  /**
   * As {@link #evaluate}, but waits off the Playwright thread, for a script that runs as long as a
   * stream does (s2: ~600 ms) and would otherwise stall every other case: the page starts it, and its
   * result is polled for every 20 ms. A script that throws is a {@link PlaywrightException}.
   *
   * <p>Why not for every script: the polls are calls into the page while it runs, and a timed script
   * should run as the sequential runner ran it. With polling, an abort 100 ms after a {@code fetch}
   * on a busy machine found the request not yet sent once in 50 runs (none in 50 without); so the
   * abort scripts, which run with nothing beside them anyway, use {@link #evaluate}.
   */
  public Object evaluateOffThread(String script, Object argument) {
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
