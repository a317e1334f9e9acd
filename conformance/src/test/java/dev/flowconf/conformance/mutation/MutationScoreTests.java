package dev.flowconf.conformance.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.ConformanceCheck;
import dev.flowconf.conformance.PerJvmResources;
import dev.flowconf.conformance.golden.CaseCatalog;
import dev.flowconf.conformance.golden.Expectations;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.GoldenFiles;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.report.Outcome;
import dev.flowconf.conformance.report.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-validation: the runner, exactly as the CLI runs it ({@link ConformanceCheck}), must fail every
 * broken host of {@link Mutants} (its mutation score must be 100 %), and must pass the control host
 * that answers each of those cases exactly as its approved transcript says, so that a mutant fails
 * for its one change and nothing else. WireMock plays broken hosts; it never stands in for ours.
 */
@ExtendWith(PerJvmResources.class)
@TestMethodOrder(OrderAnnotation.class)
class MutationScoreTests {

  private static final String CONTROL = "control";
  /** {@code -Dflowconf.mutation.show-diffs=true} prints each mutant's failure, to pick a new entry's diffShows. */
  private static final String SHOW_DIFFS = "flowconf.mutation.show-diffs";

  @TempDir
  static Path goldensDir;

  private static GoldenFiles goldens;
  private static Map<String, GoldenCase> cases;
  private static PlayedHosts hosts;

  @BeforeAll
  static void copyCasesAndStartHosts() throws IOException {
    Path realGoldens = Path.of(System.getProperty("flowconf.root", "..")).resolve("goldens");
    Files.createDirectories(goldensDir);
    Files.copy(realGoldens.resolve("features.json"), goldensDir.resolve("features.json"));
    for (String caseId : mutatedCaseIds()) {
      for (String suffix : List.of(".case.json", ".approved.txt")) {
        Path copy = goldensDir.resolve("cases/" + caseId + suffix);
        Files.createDirectories(copy.getParent());
        Files.copy(realGoldens.resolve("cases/" + caseId + suffix), copy);
      }
    }
    goldens = new GoldenFiles(goldensDir);
    cases = CaseCatalog.load(goldens).cases().stream().collect(Collectors.toMap(GoldenCase::id, Function.identity()));
    hosts = new PlayedHosts();
  }

  @AfterAll
  static void stopHosts() {
    if (hosts != null) {
      hosts.close();
    }
  }

  @Test
  @Order(1)
  void everyCheckKindHasAMutantAndEveryMutantItsOwnName() {
    Set<CheckKind> covered = Mutants.ALL.stream().map(Mutant::kind)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(CheckKind.class)));
    assertEquals(EnumSet.allOf(CheckKind.class), covered, "check kinds without a mutant");
    assertEquals(Mutants.ALL.size(), Mutants.ALL.stream().map(Mutant::name).distinct().count(), "mutant names repeat");
  }

  @Test
  @Order(2)
  void theControlHostPassesEveryMutatedCase(PlaywrightRuntime playwright) {
    ConformanceCheck runner = runner(playwright);
    long startedAt = System.nanoTime();
    List<String> failures = new ArrayList<>();
    for (String caseId : mutatedCaseIds()) {
      GoldenCase golden = cases.get(caseId);
      Outcome outcome = runner.check(golden, hosts.play(CONTROL, golden, conforming(caseId)));
      if (outcome.verdict() != Verdict.PASS) {
        failures.add(outcome.message().orElse(outcome.verdict().name()));
      }
    }
    System.out.printf(Locale.ROOT, "mutation control: %d/%d cases passed by the conforming host (%.1f s)%n",
        mutatedCaseIds().size() - failures.size(), mutatedCaseIds().size(), seconds(startedAt));
    assertTrue(failures.isEmpty(), "the conforming host must pass every mutated case (a false alarm otherwise):\n"
        + String.join("\n\n", failures));
  }

  @Test
  @Order(3)
  void theRunnerKillsEveryMutant(PlaywrightRuntime playwright) {
    ConformanceCheck runner = runner(playwright);
    long startedAt = System.nanoTime();
    List<String> rows = new ArrayList<>();
    List<String> survivors = new ArrayList<>();
    for (Mutant mutant : Mutants.ALL) {
      GoldenCase golden = cases.get(mutant.caseId());
      Behaviour conforming = conforming(mutant.caseId());
      Behaviour broken = mutant.mutation().apply(conforming);
      assertNotEquals(conforming, broken, mutant.name() + " changes nothing");
      long mutantStartedAt = System.nanoTime();
      Outcome outcome = runner.check(golden, hosts.play(mutant.name(), golden, broken));
      String failure = outcome.message().orElse("");
      boolean killed = outcome.verdict() == Verdict.FAIL && failure.contains(mutant.diffShows());
      if (Boolean.getBoolean(SHOW_DIFFS)) {
        System.out.println("--- " + mutant.name() + ": " + outcome.verdict() + "\n" + failure);
      }
      rows.add(String.format(Locale.ROOT, "  %-8s %-19s %-31s %-37s %5.2f s  %s", killed ? "killed" : "SURVIVED",
          mutant.kind(), mutant.name(), mutant.caseId(), seconds(mutantStartedAt), mutant.violation()));
      if (!killed) {
        survivors.add("  " + mutant.name() + " [" + mutant.kind() + "] on " + mutant.caseId() + ": "
            + (outcome.verdict() != Verdict.FAIL ? "the runner said " + outcome.verdict()
                : "the runner failed it, but its failure does not show `" + mutant.diffShows() + "`:\n" + failure));
      }
    }
    int killed = Mutants.ALL.size() - survivors.size();
    String score = String.format(Locale.ROOT, "mutation score: %d/%d killed (%d %%)", killed, Mutants.ALL.size(),
        killed * 100 / Mutants.ALL.size());
    System.out.println(String.join("\n", rows));
    System.out.println(score + String.format(Locale.ROOT, " in %.1f s", seconds(startedAt)));
    if (!survivors.isEmpty()) {
      System.out.println("survivors:\n" + String.join("\n", survivors));
    }
    assertTrue(survivors.isEmpty(), score + "; survivors:\n" + String.join("\n", survivors));
  }

  private static ConformanceCheck runner(PlaywrightRuntime playwright) {
    // Duration.ZERO: the played hosts write no timed keep-alive, so the probe waits its 2 s grace only.
    return new ConformanceCheck(playwright, goldens, Expectations.none(), Duration.ZERO);
  }

  /** What a host answering exactly as {@code caseId}'s approved transcript says does (fresh UUIDs each time). */
  private static Behaviour conforming(String caseId) {
    try {
      return ConformingBehaviour.of(cases.get(caseId),
          Files.readString(goldens.caseBase(caseId).resolveSibling(Path.of(caseId).getFileName() + ".approved.txt")));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the approved transcript of " + caseId, e);
    }
  }

  private static List<String> mutatedCaseIds() {
    return Mutants.ALL.stream().map(Mutant::caseId).distinct().sorted().toList();
  }

  private static double seconds(long startedAt) {
    return (System.nanoTime() - startedAt) / 1e9;
  }
}
