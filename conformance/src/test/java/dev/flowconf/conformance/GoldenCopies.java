package dev.flowconf.conformance;

import dev.flowconf.conformance.golden.CaseCatalog;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.GoldenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Copies real golden cases (case file and approved transcript), and the feature names they use, into a
 * temporary goldens directory, so
 * a stand-in host is judged by the very transcripts the hosts are, and no test writes into goldens/.
 */
final class GoldenCopies {

  private final GoldenFiles goldens;

  private GoldenCopies(GoldenFiles goldens) {
    this.goldens = goldens;
  }

  static GoldenCopies of(Path dir, String... caseIds) throws IOException {
    Files.createDirectories(dir);
    Files.copy(TestPaths.goldens().resolve("features.json"), dir.resolve("features.json")); // the cases' feature names
    for (String caseId : caseIds) {
      for (String suffix : List.of(".case.json", ".approved.txt")) {
        Path copy = dir.resolve("cases/" + caseId + suffix);
        Files.createDirectories(copy.getParent());
        Files.copy(TestPaths.goldens().resolve("cases/" + caseId + suffix), copy);
      }
    }
    return new GoldenCopies(new GoldenFiles(dir));
  }

  GoldenFiles goldens() {
    return goldens;
  }

  GoldenCase get(String caseId) {
    return CaseCatalog.load(goldens).cases().stream().filter(c -> c.id().equals(caseId)).findFirst().orElseThrow();
  }
}
