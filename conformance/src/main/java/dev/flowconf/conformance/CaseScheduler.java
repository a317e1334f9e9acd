package dev.flowconf.conformance;

import dev.flowconf.conformance.golden.CaseKind;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.replay.Target;
import dev.flowconf.conformance.report.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Decides which checks run at the same time. Cases are independent of each other, except the ones
 * whose verdict reads the host's run counters (the abort cases, {@link CaseKind#readsRunCounts}):
 *
 * <ul>
 *   <li>the counters count every run of the host process, so such a case needs its host to itself;
 *   <li>they time a browser against the host (abort after 100 ms), which a busy machine can make
 *       miss: the request is aborted before Chromium has even sent it, and the host is blamed for
 *       a run it never saw. Seen here now and then with the hosts' abort cases side by side.
 * </ul>
 *
 * So the counting cases run first, one at a time, in the order the sequential runner used (case by
 * case, each on every host). The other cases wait until the last counting case's timed part is over
 * and, on their own host, until its counting cases are done; then they run {@code parallelism} at a
 * time over all hosts, browser cases first (their pages wait for streams off the Playwright thread
 * while exchanges run), otherwise in catalog order. What overlaps is the last counting case's probe
 * watch (up to 2 s when a host never cancels) with the other hosts' cases.
 */
public final class CaseScheduler {

  /**
   * Enough to keep the Playwright thread's queue full while socket cases, transcripts and approvals
   * run beside it; more only adds contention on a small machine.
   */
  public static final int DEFAULT_PARALLELISM = 4;

  /** Checks one case on one host; called from several threads at once. */
  @FunctionalInterface
  public interface Check {
    /** {@code timedPartOver}: see {@link ConformanceCheck#check(GoldenCase, Target, Runnable)}; may go uncalled. */
    Outcome check(GoldenCase golden, Target host, Runnable timedPartOver);
  }

  private final Check check;
  private final int parallelism;

  public CaseScheduler(Check check, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.check = check;
    this.parallelism = parallelism;
  }

  /**
   * Starts every case on every host and returns at once: one future per pair, in case × host order
   * (case {@code c} on host {@code h} is at {@code c * hosts.size() + h}). {@code onFinished} hears of
   * each outcome as it comes, from the thread that checked it. A check that throws completes its
   * future exceptionally and holds up nothing else.
   */
  public List<CompletableFuture<Outcome>> start(List<GoldenCase> cases, List<Target> hosts,
      Consumer<Outcome> onFinished) {
    List<CompletableFuture<Outcome>> futures = new ArrayList<>();
    for (int c = 0; c < cases.size() * hosts.size(); c++) {
      futures.add(new CompletableFuture<>());
    }
    List<Integer> alone = indexes(cases, true);
    List<Integer> together = new ArrayList<>(indexes(cases, false));
    together.sort(Comparator.comparing(c -> cases.get(c).kind() instanceof CaseKind.Exchange));
    // Taken off once per counting case on each host, when its timed part is over (or, if the check
    // never says, when it ends): the other cases wait for zero.
    CountDownLatch timedParts = new CountDownLatch(alone.size() * hosts.size());
    List<CompletableFuture<Void>> countedOn = new ArrayList<>();
    hosts.forEach(host -> countedOn.add(alone.isEmpty() ? CompletableFuture.completedFuture(null)
        : new CompletableFuture<>()));
    ExecutorService waiting = Executors.newCachedThreadPool(daemonThreads("flowconf-lane-"));
    // Browser cases first, whichever host they are for (hosts are let in at different times): their
    // pages wait for streams off the Playwright thread while the exchanges run beside them.
    AtomicLong submitted = new AtomicLong();
    ExecutorService concurrent = new ThreadPoolExecutor(parallelism, parallelism, 0, TimeUnit.MILLISECONDS,
        new PriorityBlockingQueue<>(), daemonThreads("flowconf-case-"));
    waiting.execute(() -> {
      for (int c : alone) {
        for (int h = 0; h < hosts.size(); h++) {
          AtomicBoolean over = new AtomicBoolean();
          Runnable timedPartOver = () -> {
            if (over.compareAndSet(false, true)) {
              timedParts.countDown();
            }
          };
          perform(cases, hosts, c, h, futures, onFinished, timedPartOver);
          timedPartOver.run();
          if (c == alone.get(alone.size() - 1)) {
            countedOn.get(h).complete(null);
          }
        }
      }
    });
    List<CompletableFuture<Void>> hostsDone = new ArrayList<>();
    for (int h = 0; h < hosts.size(); h++) {
      int host = h;
      hostsDone.add(countedOn.get(h).thenRunAsync(() -> {
        awaitQuietly(timedParts);
        together.forEach(c -> concurrent.execute(new Queued(cases.get(c).kind() instanceof CaseKind.Exchange,
            submitted.incrementAndGet(), () -> perform(cases, hosts, c, host, futures, onFinished, () -> {}))));
      }, waiting));
    }
    CompletableFuture.allOf(hostsDone.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
      waiting.shutdown();
      concurrent.shutdown(); // lets the submitted cases finish
    });
    return futures;
  }

  /** {@link #start}, then waits for every outcome; rethrows the first check that threw, once all are done. */
  public List<Outcome> run(List<GoldenCase> cases, List<Target> hosts, Consumer<Outcome> onFinished) {
    List<CompletableFuture<Outcome>> futures = start(cases, hosts, onFinished);
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
    return futures.stream().map(CompletableFuture::join).toList();
  }

  /** A case waiting for a thread: browser cases before exchanges, otherwise first come, first served. */
  private record Queued(boolean exchange, long order, Runnable work) implements Runnable, Comparable<Queued> {
    @Override
    public void run() {
      work.run();
    }

    @Override
    public int compareTo(Queued other) {
      return Comparator.comparing(Queued::exchange).thenComparingLong(Queued::order).compare(this, other);
    }
  }

  private static List<Integer> indexes(List<GoldenCase> cases, boolean readsRunCounts) {
    List<Integer> indexes = new ArrayList<>();
    for (int c = 0; c < cases.size(); c++) {
      if (cases.get(c).kind().readsRunCounts() == readsRunCounts) {
        indexes.add(c);
      }
    }
    return indexes;
  }

  /** Checks case {@code c} on host {@code h} and completes its future, never throwing. */
  private void perform(List<GoldenCase> cases, List<Target> hosts, int c, int h,
      List<CompletableFuture<Outcome>> futures, Consumer<Outcome> onFinished, Runnable timedPartOver) {
    CompletableFuture<Outcome> future = futures.get(c * hosts.size() + h);
    try {
      Outcome outcome = check.check(cases.get(c), hosts.get(h), timedPartOver);
      onFinished.accept(outcome);
      future.complete(outcome);
    } catch (RuntimeException | Error e) {
      future.completeExceptionally(e);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
