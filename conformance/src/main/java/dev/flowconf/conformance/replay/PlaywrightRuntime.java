package dev.flowconf.conformance.replay;

import com.microsoft.playwright.APIRequest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one Playwright of a JVM (creating it costs ~1 s) and its one Chromium, launched when first
 * asked for, living on their own thread, the Playwright thread.
 *
 * <p>Why a thread of its own: Playwright objects are not thread-safe (a call pumps the driver's
 * messages on the calling thread), while cases run on many threads. So every Playwright call is a
 * {@link #call} that the Playwright thread performs, one at a time, and no Playwright object is
 * touched anywhere else. Long waits (a page's script running, a probe being polled) are spent off
 * this thread, so it stays free for the next case's call.
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

  private final ExecutorService thread;
  private final Thread owner;
  private final Playwright playwright;
  private Browser chromium;

  private PlaywrightRuntime(ExecutorService thread, Thread owner, Playwright playwright) {
    this.thread = thread;
    this.owner = owner;
    this.playwright = playwright;
  }

  /** Starts the Playwright thread and Playwright on it. */
  public static PlaywrightRuntime start() {
    ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
      Thread playwrightThread = new Thread(task, "flowconf-playwright");
      playwrightThread.setDaemon(true); // a runtime nobody closed must not keep the JVM alive
      return playwrightThread;
    });
    try {
      return thread.submit(() -> new PlaywrightRuntime(thread, Thread.currentThread(),
          Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))))
          .get();
    } catch (InterruptedException | ExecutionException e) {
      thread.shutdownNow();
      throw unwrap(e);
    }
  }

  /**
   * Performs {@code work} on the Playwright thread, after the calls queued before it, and returns its
   * result (or throws what it threw). Called on the Playwright thread itself, it simply runs.
   */
  public <T> T call(Supplier<T> work) {
    if (Thread.currentThread() == owner) {
      return work.get();
    }
    Future<T> result = thread.submit(work::get);
    try {
      return result.get();
    } catch (InterruptedException | ExecutionException e) {
      throw unwrap(e);
    }
  }

  /** Performs {@code work} on the Playwright thread, as {@link #call} does. */
  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }

  /** Playwright's HTTP client factory; only inside {@link #call}. */
  public APIRequest request() {
    requirePlaywrightThread();
    return playwright.request();
  }

  /** Debian's Chromium, launched on the first call and shared by every later one (isolate work in contexts); only inside {@link #call}. */
  public Browser chromium() {
    requirePlaywrightThread();
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
    try {
      run(() -> {
        if (chromium != null) {
          chromium.close();
        }
        playwright.close();
      });
    } finally {
      thread.shutdown();
      try {
        thread.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void requirePlaywrightThread() {
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException("Playwright objects are used on the Playwright thread only; "
          + "wrap this in PlaywrightRuntime.call");
    }
  }

  private static RuntimeException unwrap(Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new IllegalStateException("interrupted while waiting for the Playwright thread", e);
    }
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }
}
