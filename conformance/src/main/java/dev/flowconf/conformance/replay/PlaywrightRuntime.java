package dev.flowconf.conformance.replay;

import com.microsoft.playwright.APIRequest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The Playwrights of a run and their Chromiums, each on a thread of its own, a lane: as many lanes as cases run at
 * once, so a case stuck on a host holds up its own lane only. A lane's Playwright starts when a caller is first
 * given that lane (creating one costs ~1 s), its Chromium when first asked for.
 *
 * <p>Why a thread per Playwright: Playwright objects are not thread-safe (a call pumps the driver's messages on the
 * calling thread), while cases run on many threads. So every Playwright call is a {@link #call} that the caller's
 * lane performs, one at a time, and no Playwright object is touched anywhere else. A calling thread keeps its lane,
 * so a case's page stays with the Playwright that made it. Long waits (a page's script running, a probe being
 * polled) are spent off the lane, so it stays free for the next call.
 */
public final class PlaywrightRuntime implements AutoCloseable {

  /**
   * Debian's Chromium, or the one FLOWCONF_CHROMIUM names (another distribution, a CI image); Playwright is never
   * allowed to download a browser of its own.
   */
  static final String CHROMIUM_VARIABLE = "FLOWCONF_CHROMIUM";
  private static final Path CHROMIUM = chromium(System.getenv(CHROMIUM_VARIABLE));

  static Path chromium(String configured) {
    return configured == null || configured.isBlank() ? Path.of("/usr/bin/chromium") : Path.of(configured);
  }

  private static final List<String> CHROMIUM_ARGS = List.of(
      "--no-sandbox", // CI runs as root, where Chromium's sandbox refuses to start
      "--disable-dev-shm-usage", // containers have a tiny /dev/shm
      "--disable-gpu",
      "--disable-background-networking", // offline machines: no update, sync or metrics traffic
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run");

  /** The lane whose thread is running, on that thread. */
  private static final ThreadLocal<Lane> RUNNING = new ThreadLocal<>();

  private final Lane[] lanes;
  private final AtomicInteger handedOut = new AtomicInteger();
  private final ThreadLocal<Lane> laneOfCaller = new ThreadLocal<>();

  private PlaywrightRuntime(int laneCount) {
    this.lanes = new Lane[laneCount];
  }

  /** One lane, started now. */
  public static PlaywrightRuntime start() {
    return start(1);
  }

  /** {@code laneCount} lanes; the first starts now (a machine where Playwright cannot start fails here). */
  public static PlaywrightRuntime start(int laneCount) {
    if (laneCount < 1) {
      throw new IllegalArgumentException("a runtime needs at least one lane, got " + laneCount);
    }
    PlaywrightRuntime runtime = new PlaywrightRuntime(laneCount);
    runtime.lane(0);
    return runtime;
  }

  /**
   * Performs {@code work} on the caller's lane, after the calls queued there before it, and returns its result (or
   * throws what it threw). Called on a lane's own thread, it simply runs.
   */
  public <T> T call(Supplier<T> work) {
    Lane running = RUNNING.get();
    if (running != null && running.runtime == this) {
      return work.get();
    }
    Lane lane = laneOfCaller.get();
    if (lane == null) {
      lane = lane(Math.floorMod(handedOut.getAndIncrement(), lanes.length));
      laneOfCaller.set(lane);
    }
    Future<T> result = lane.thread.submit(work::get);
    try {
      return result.get();
    } catch (InterruptedException | ExecutionException e) {
      throw unwrap(e);
    }
  }

  /** Performs {@code work} on the caller's lane, as {@link #call} does. */
  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }

  /** Playwright's HTTP client factory; only inside {@link #call}. */
  public APIRequest request() {
    return runningLane().playwright.request();
  }

  /** The lane's Chromium, launched on its first call and shared by the lane's later ones (isolate work in contexts); only inside {@link #call}. */
  public Browser chromium() {
    Lane lane = runningLane();
    if (lane.chromium == null) {
      if (!Files.isExecutable(CHROMIUM)) {
        throw new IllegalStateException("no Chromium at " + CHROMIUM + " for the browser cases: install Debian's chromium "
            + "package, or set " + CHROMIUM_VARIABLE + " to a Chromium binary");
      }
      lane.chromium = launch(lane.playwright, CHROMIUM);
    }
    return lane.chromium;
  }

  /** Launches the Chromium at {@code executable}; one that will not start is named with what to do about it. */
  static Browser launch(Playwright playwright, Path executable) {
    try {
      return playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(executable)
          .setArgs(CHROMIUM_ARGS)
          .setHeadless(true));
    } catch (PlaywrightException e) {
      String cause = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new IllegalStateException("the Chromium at " + executable + " did not start under Playwright (" + cause
          + "): install Debian 12's chromium package (156 is known to work), or set " + CHROMIUM_VARIABLE
          + " to a Chromium or Chrome binary that does; ci/setup checks it", e);
    }
  }

  @Override
  public void close() {
    Lane[] started;
    synchronized (lanes) {
      started = lanes.clone();
    }
    for (Lane lane : started) {
      if (lane != null) {
        lane.close();
      }
    }
  }

  private Lane lane(int index) {
    synchronized (lanes) {
      if (lanes[index] == null) {
        lanes[index] = new Lane(this, index);
      }
      return lanes[index];
    }
  }

  private Lane runningLane() {
    Lane lane = RUNNING.get();
    if (lane == null || lane.runtime != this) {
      throw new IllegalStateException("Playwright objects are used on their lane's thread only; "
          + "wrap this in PlaywrightRuntime.call");
    }
    return lane;
  }

  /** One Playwright, its Chromium once asked for, and the one thread that touches them. */
  private static final class Lane {
    final PlaywrightRuntime runtime;
    final ExecutorService thread;
    final Playwright playwright;
    Browser chromium;

    Lane(PlaywrightRuntime runtime, int index) {
      this.runtime = runtime;
      this.thread = Executors.newSingleThreadExecutor(task -> {
        Thread laneThread = new Thread(() -> {
          RUNNING.set(this);
          task.run();
        }, "flowconf-playwright-" + (index + 1));
        laneThread.setDaemon(true); // a runtime nobody closed must not keep the JVM alive
        return laneThread;
      });
      try {
        this.playwright = thread.submit(() -> Playwright.create(new Playwright.CreateOptions()
            .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))).get();
      } catch (InterruptedException | ExecutionException e) {
        thread.shutdownNow();
        throw unwrap(e);
      }
    }

    void close() {
      try {
        thread.submit(() -> {
          if (chromium != null) {
            chromium.close();
          }
          playwright.close();
        }).get(30, TimeUnit.SECONDS);
      } catch (InterruptedException | ExecutionException | TimeoutException e) {
        // closing is best effort: the threads are daemons, and the driver dies with the JVM
      } finally {
        thread.shutdown();
      }
    }
  }

  private static RuntimeException unwrap(Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new IllegalStateException("interrupted while waiting for a Playwright lane", e);
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
