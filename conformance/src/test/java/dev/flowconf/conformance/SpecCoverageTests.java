package dev.flowconf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.golden.CaseCatalog;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.GoldenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC.md's promise: every MUST clause is checked by at least one golden case, and cases cite only real clauses. */
class SpecCoverageTests {

  private static Map<String, Boolean> spec;
  private static List<GoldenCase> cases;

  @BeforeAll
  static void readSpecAndCases() throws IOException {
    spec = SpecClauses.parse(Files.readString(TestPaths.root().resolve("SPEC.md")));
    cases = CaseCatalog.load(new GoldenFiles(TestPaths.goldens())).cases();
  }

  @Test
  void everyMustClauseIsCitedByAGoldenCase() {
    Set<String> uncited = new TreeSet<>();
    spec.forEach((id, must) -> {
      if (must && cases.stream().noneMatch(golden -> golden.clauses().contains(id))) {
        uncited.add(id);
      }
    });

    assertEquals(Set.of(), uncited, "MUST clauses of SPEC.md that no case in goldens/cases lists in `clauses`");
  }

  @Test
  void everyClauseACaseCitesIsDefinedInSpec() {
    Set<String> undefined = new TreeSet<>();
    cases.forEach(golden -> golden.clauses().stream()
        .filter(id -> !spec.containsKey(id))
        .forEach(id -> undefined.add(id + " (cited by " + golden.id() + ")")));

    assertEquals(Set.of(), undefined, "clause ids that SPEC.md does not define");
  }

  @Test
  void readsSingleAndPairedIdsAndTellsMustClausesApart() {
    Map<String, Boolean> parsed = SpecClauses.parse("""
        ## 5. Errors

        - **ENV-TRIGGER-1** / **ENV-CAPTURE-1** — An entrypoint whose trigger (or capture) alias is not in
          the flow MUST be answered 500.
        - **SPILL-HOST-1** *(host-specific)* — the reference host spills to files.
        - **META-VERSION-1** — `http.version` MUST NOT be set.
        - a bullet with **BOLD-1** in the middle is not a clause
        Some text saying MUST after the list.
        """);

    assertEquals(Map.of("ENV-TRIGGER-1", true, "ENV-CAPTURE-1", true, "SPILL-HOST-1", false, "META-VERSION-1", true),
        parsed);
    assertTrue(spec.size() > 40 && spec.get("CANCEL-1") && !spec.get("ROUTE-HOST-1"),
        "SPEC.md itself parses: " + spec);
  }
}
