package dev.flowconf.conformance;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.flowconf.conformance.golden.CaseCatalog;
import dev.flowconf.conformance.golden.Expectations;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.GoldenFiles;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.replay.Target;
import dev.flowconf.conformance.report.Outcome;
import dev.flowconf.conformance.report.ResultTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every golden case on every host, one test each ({@code echo/s1-happy-path @ workers}): the host's
 * transcript must equal the case's approved transcript, unless the host's expectation file says it
 * fails (then it must still fail: XFAIL passes, XPASS fails). A host that cannot be started fails its
 * tests. The checks run as the command line runs them, side by side ({@link CaseScheduler}); each test
 * waits for its own. The cases × hosts table is printed at the end.
 */
@ExtendWith(PerJvmResources.class)
class GoldenReplayTests {

  private static final List<Outcome> OUTCOMES = new CopyOnWriteArrayList<>();

  @TestFactory
  Stream<DynamicTest> everyCaseOnEveryHostMatchesTheApprovedTranscript(PlaywrightRuntime playwright,
      HostsUnderTest hosts) {
    GoldenFiles goldens = new GoldenFiles(TestPaths.goldens());
    CaseCatalog catalog = CaseCatalog.load(goldens);
    Expectations expectations = Expectations.load(goldens, catalog);
    ConformanceCheck check = new ConformanceCheck(playwright, goldens, expectations, HostsUnderTest.KEEP_ALIVE);
    List<Target> started = new ArrayList<>();
    Map<String, RuntimeException> notStarted = new HashMap<>();
    for (String name : HostsUnderTest.NAMES) {
      try {
        started.add(hosts.target(name));
      } catch (IllegalStateException e) {
        notStarted.put(name, e);
      }
    }
    List<GoldenCase> cases = catalog.cases();
    List<CompletableFuture<Outcome>> outcomes = new CaseScheduler(check::check, CaseScheduler.DEFAULT_PARALLELISM)
        .start(cases, started, outcome -> {});
    List<String> startedNames = started.stream().map(Target::name).toList();
    return IntStream.range(0, cases.size()).boxed()
        .flatMap(c -> HostsUnderTest.NAMES.stream()
            .map(host -> dynamicTest(name(cases.get(c), host, expectations), () -> {
              if (notStarted.containsKey(host)) {
                throw notStarted.get(host);
              }
              Outcome outcome = outcomes.get(c * started.size() + startedNames.indexOf(host)).join();
              OUTCOMES.add(outcome);
              if (outcome.isFailure()) {
                fail(outcome.message().orElseThrow());
              }
            })));
  }

  @AfterAll
  static void printTheTable() {
    if (!OUTCOMES.isEmpty()) {
      System.out.print(ResultTable.render(OUTCOMES));
    }
  }

  private static String name(GoldenCase golden, String host, Expectations expectations) {
    return golden.id() + " @ " + host + expectations.of(golden.id(), host)
        .map(expected -> " (expected FAIL: " + expected.clause() + ")").orElse("");
  }
}
