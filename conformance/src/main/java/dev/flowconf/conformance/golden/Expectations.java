package dev.flowconf.conformance.golden;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every host's expected failures, from {@code expectations/<host>/<case-id>.json}:
 * {@code {"expected": "FAIL", "clause": "SPILL-HOST-1", "reason": "…"}}. A file must name an existing
 * case and one of the clauses that case cites, so a ledger entry cannot outlive or widen its case.
 */
public final class Expectations {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  record ExpectationFile(String expected, String clause, String reason) {}

  private final Map<String, Expectation> byCaseAndHost;

  private Expectations(Map<String, Expectation> byCaseAndHost) {
    this.byCaseAndHost = Map.copyOf(byCaseAndHost);
  }

  public static Expectations none() {
    return new Expectations(Map.of());
  }

  /** Loads every expectation file; fails on the first one that is invalid or names no case of {@code catalog}. */
  public static Expectations load(GoldenFiles goldens, CaseCatalog catalog) {
    Map<String, Expectation> entries = new HashMap<>();
    Path root = goldens.expectationsDir();
    if (!Files.isDirectory(root)) {
      return new Expectations(entries);
    }
    try (Stream<Path> hostDirs = Files.list(root)) {
      for (Path hostDir : hostDirs.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.walk(hostDir)) {
          for (Path file : files.filter(f -> f.toString().endsWith(GoldenFiles.EXPECTATION_SUFFIX)).sorted().toList()) {
            Expectation expectation = read(file, hostDir.getFileName().toString(),
                goldens.caseIdOfExpectation(hostDir, file), catalog);
            entries.put(key(expectation.caseId(), expectation.host()), expectation);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    return new Expectations(entries);
  }

  public Optional<Expectation> of(String caseId, String host) {
    return Optional.ofNullable(byCaseAndHost.get(key(caseId, host)));
  }

  private static Expectation read(Path file, String host, String caseId, CaseCatalog catalog) {
    ExpectationFile data;
    try {
      data = MAPPER.readValue(file.toFile(), ExpectationFile.class);
    } catch (JacksonException e) {
      throw new InvalidCaseException(file, "not a valid expectation file: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidCaseException(file, "cannot be read", e);
    }
    if (!"FAIL".equals(data.expected())) {
      throw new InvalidCaseException(file, "`expected` must be `FAIL`, got `" + data.expected() + "`");
    }
    if (data.reason() == null || data.reason().isBlank()) {
      throw new InvalidCaseException(file, "`reason` must say why the host fails this case");
    }
    GoldenCase golden = catalog.cases().stream().filter(c -> c.id().equals(caseId)).findFirst()
        .orElseThrow(() -> new InvalidCaseException(file, "no case `" + caseId + "` to expect a failure of"));
    if (!golden.clauses().contains(data.clause())) {
      throw new InvalidCaseException(file, "`clause` must be one that `" + caseId + "` cites "
          + golden.clauses() + ", got `" + data.clause() + "`");
    }
    return new Expectation(caseId, host, data.clause(), data.reason());
  }

  private static String key(String caseId, String host) {
    return caseId + " @ " + host;
  }
}
