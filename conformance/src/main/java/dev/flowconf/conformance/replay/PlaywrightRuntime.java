package dev.flowconf.conformance.replay;

import com.microsoft.playwright.APIRequest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one Playwright of a JVM (creating it costs ~2 s) and its one Chromium, launched when first
 * asked for. Playwright objects are not thread-safe: use and close this on the thread that started it.
 */
public final class PlaywrightRuntime implements AutoCloseable {

  /** Debian's Chromium; Playwright is never allowed to download a browser of its own. */
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static final List<String> CHROMIUM_ARGS = List.of(
      "--no-sandbox", // CI runs as root, where Chromium's sandbox refuses to start
      "--disable-dev-shm-usage", // containers have a tiny /dev/shm
      "--disable-gpu",
      "--disable-background-networking", // offline machines: no update, sync or metrics traffic
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run");

  private final Playwright playwright;
  private Browser chromium;

  private PlaywrightRuntime(Playwright playwright) {
    this.playwright = playwright;
  }

  public static PlaywrightRuntime start() {
    return new PlaywrightRuntime(Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))));
  }

  public APIRequest request() {
    return playwright.request();
  }

  /** Debian's Chromium, launched on the first call and shared by every later one (isolate work in contexts). */
  public Browser chromium() {
    if (chromium == null) {
      chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(CHROMIUM)
          .setArgs(CHROMIUM_ARGS)
          .setHeadless(true));
    }
    return chromium;
  }

  @Override
  public void close() {
    if (chromium != null) {
      chromium.close();
    }
    playwright.close();
  }
}
