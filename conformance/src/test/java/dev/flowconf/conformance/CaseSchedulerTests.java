package dev.flowconf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.golden.CaseKind;
import dev.flowconf.conformance.golden.CaseRequest;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.replay.Target;
import dev.flowconf.conformance.report.Outcome;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The scheduler with a stand-in check that records what ran when; no host, no browser. */
class CaseSchedulerTests {

  private static final List<Target> HOSTS = List.of(target("reference"), target("workers"));

  // What the stand-in check sees while it runs: cases running per host, counting cases per host,
  // other cases anywhere, timed parts anywhere.
  private final Map<String, AtomicInteger> runningOn = new ConcurrentHashMap<>();
  private final Map<String, Boolean> countingOn = new ConcurrentHashMap<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger othersRunning = new AtomicInteger();
  private final AtomicInteger timedPartsRunning = new AtomicInteger();
  private final AtomicInteger countingRunning = new AtomicInteger();
  private final AtomicInteger mostAtOnce = new AtomicInteger();
  private final List<String> violations = new CopyOnWriteArrayList<>();

  @Test
  void casesReadingRunCountsRunOneAtATimeAloneOnTheirHostAndNothingRunsDuringTheirTimedParts() {
    List<GoldenCase> cases = new ArrayList<>();
    IntStream.range(0, 12).forEach(i -> cases.add(exchange("echo/e" + i)));
    cases.add(2, abort("cancellation/a"));
    cases.add(7, abort("cancellation/b"));

    new CaseScheduler(this::recordingCheck, 4).run(cases, HOSTS, outcome -> {});

    assertEquals(List.of(), violations, "CANCEL-1/PROBE-1 cases need a quiet host, and a quiet machine while timed");
    assertTrue(mostAtOnce.get() > 1, "exchange cases ran side by side, at most " + mostAtOnce.get());
    assertTrue(mostAtOnce.get() <= 4 + 1, "at most the parallelism plus the counting case being watched");
  }

  @Test
  void outcomesComeInCaseTimesHostOrderAndEachIsHeardOnce() {
    List<GoldenCase> cases = List.of(exchange("b/x"), abort("a/y"), exchange("c/z"));
    List<String> heard = new CopyOnWriteArrayList<>();

    List<Outcome> outcomes = new CaseScheduler((golden, host, timedPartOver) -> Outcome.passed(golden, host.name()), 3)
        .run(cases, HOSTS, outcome -> heard.add(outcome.golden().id() + " @ " + outcome.host()));

    assertEquals(List.of("b/x @ reference", "b/x @ workers", "a/y @ reference", "a/y @ workers", "c/z @ reference",
        "c/z @ workers"), outcomes.stream().map(o -> o.golden().id() + " @ " + o.host()).toList());
    assertEquals(6, heard.size());
    assertEquals(6, heard.stream().distinct().count());
  }

  @Test
  void aCheckThatThrowsHoldsUpNothingAndIsRethrownAtTheEnd() {
    List<GoldenCase> cases = List.of(abort("a/boom"), exchange("b/fine"), exchange("c/fine"));
    IllegalStateException boom = new IllegalStateException("boom");
    List<String> finished = new CopyOnWriteArrayList<>();

    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> new CaseScheduler(
        (golden, host, timedPartOver) -> {
          if (golden.id().equals("a/boom") && host.name().equals("workers")) {
            throw boom;
          }
          return Outcome.passed(golden, host.name());
        }, 2).run(cases, HOSTS, outcome -> finished.add(outcome.golden().id() + " @ " + outcome.host())));

    assertSame(boom, thrown);
    assertEquals(5, finished.size(), "every other pair was still checked: " + finished);
  }

  private Outcome recordingCheck(GoldenCase golden, Target host, Runnable timedPartOver) {
    boolean alone = golden.kind().readsRunCounts();
    AtomicInteger onHost = runningOn.computeIfAbsent(host.name(), h -> new AtomicInteger());
    int nowOnHost = onHost.incrementAndGet();
    int now = running.incrementAndGet();
    mostAtOnce.accumulateAndGet(now, Math::max);
    if (alone && nowOnHost > 1) {
      violations.add(golden.id() + " @ " + host.name() + " started beside another case on its host");
    }
    if (!alone && countingOn.getOrDefault(host.name(), false)) {
      violations.add(golden.id() + " @ " + host.name() + " started beside a counting case on its host");
    }
    if (!alone && timedPartsRunning.get() > 0) {
      violations.add(golden.id() + " @ " + host.name() + " started during a timed part");
    }
    if (alone && countingRunning.incrementAndGet() > 1) {
      violations.add(golden.id() + " @ " + host.name() + " started beside another counting case");
    }
    if (alone) {
      countingOn.put(host.name(), true);
      timedPartsRunning.incrementAndGet();
      if (othersRunning.get() > 0) {
        violations.add(golden.id() + " @ " + host.name() + " timed while other cases ran");
      }
      pause(30); // the browser leaves the host: nothing else may load the machine
      timedPartsRunning.decrementAndGet();
      timedPartOver.run();
      pause(40); // the probe is watched: other hosts may go on
      countingOn.put(host.name(), false);
      countingRunning.decrementAndGet();
    } else {
      othersRunning.incrementAndGet();
      pause(10);
      othersRunning.decrementAndGet();
    }
    running.decrementAndGet();
    onHost.decrementAndGet();
    return Outcome.passed(golden, host.name());
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static GoldenCase exchange(String id) {
    return new GoldenCase(id, "d", List.of("ECHO-1"), new CaseKind.Exchange(false),
        new CaseRequest("POST", "/echo", List.of(), new byte[0]));
  }

  private static GoldenCase abort(String id) {
    return new GoldenCase(id, "d", List.of("CANCEL-2"), new CaseKind.AbortValue(100),
        new CaseRequest("POST", "/harness/slow", List.of(), new byte[0]));
  }

  private static Target target(String name) {
    return new Target(name, URI.create("http://127.0.0.1:1"));
  }
}
