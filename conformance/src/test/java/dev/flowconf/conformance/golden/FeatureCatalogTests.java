package dev.flowconf.conformance.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.conformance.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases name the optional host features they need; the names come from features.json. */
class FeatureCatalogTests {

  @TempDir
  Path goldensDir;

  @Test
  void everyShippedCaseNamesOnlyKnownFeaturesAndWhatItsKindAndPathNeed() {
    GoldenFiles goldens = new GoldenFiles(TestPaths.goldens());
    FeatureCatalog features = FeatureCatalog.load(goldens);
    for (GoldenCase golden : CaseCatalog.load(goldens).cases()) {
      String path = golden.request().path().split("\\?", 2)[0];
      if (path.startsWith("/errors/")) {
        assertTrue(golden.features().contains("error-routes"), golden.id() + " uses an error route");
      }
      if (path.equals("/meta")) {
        assertTrue(golden.features().contains("meta"), golden.id() + " reads /meta");
      }
      if (path.equals("/site/stream") && golden.request().method().equals("GET")) {
        assertTrue(golden.features().contains("sse-get"), golden.id() + " GETs the s2 stream");
      }
      golden.features().forEach(f -> assertTrue(features.knows(f), golden.id() + ": " + f));
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"kind\": \"abort-stream\", \"abortAfterEvents\": 1, \"features\": [] | must list `run-probe`",
      "\"keepAlive\": \"required\" | must list `keepalive-interval`",
      "\"features\": [\"meta\", \"meta\"] | must name each feature once",
      "\"features\": [\"teleport\"] | unknown host feature `teleport`; features.json names meta, run-probe"})
  void aCaseMustNameTheFeaturesItNeedsOnceEachFromTheCatalog(String fields, String problem) throws IOException {
    Files.writeString(goldensDir.resolve("features.json"), "{\"meta\": \"GET /meta\", \"run-probe\": \"the probe\"}");
    Path file = Files.createDirectories(goldensDir.resolve("cases/x")).resolve("y.case.json");
    Files.writeString(file, "{\"description\": \"d\", \"clauses\": [\"C-1\"], " + fields
        + ", \"request\": {\"method\": \"GET\", \"path\": \"/cancel\"}}");

    InvalidCaseException error = assertThrows(InvalidCaseException.class,
        () -> CaseCatalog.load(new GoldenFiles(goldensDir)));

    assertTrue(error.getMessage().startsWith(file + ": "), error.getMessage());
    assertTrue(error.getMessage().contains(problem), error.getMessage());
  }

  @Test
  void withoutAFeaturesFileNoFeatureIsKnown() {
    FeatureCatalog none = FeatureCatalog.load(new GoldenFiles(goldensDir));

    assertEquals(List.of(), none.names());
    assertThrows(IllegalArgumentException.class, () -> none.requireKnown(List.of("meta"), "x"));
  }
}
