package dev.flowconf.conformance.golden;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every host's expected failures, from {@code expectations/<host>/<case-id>.json}:
 * {@code {"expected": "FAIL", "clause": "SPILL-HOST-1", "reason": "…"}}. A file must name an existing
 * case and one of the clauses that case cites, so a ledger entry cannot outlive or widen its case.
 *
 * <p>For a host we do not own, the entry also classifies the difference: {@code "class":
 * "spec-differs"} or {@code "upstream-defect"}, with {@code "upstream"} (repository, commit and
 * file:line) and, for a defect, {@code "reproduction"}. Beside it, {@code <case-id>.deviation.txt}
 * may pin the transcript the host gives instead.
 */
public final class Expectations {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  static final String DEVIATION_SUFFIX = ".deviation.txt";

  record ExpectationFile(String expected, String clause, String reason, @JsonProperty("class") String kind,
      String upstream, String reproduction) {}

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
          List<Path> all = files.sorted().toList();
          for (Path pinned : all.stream().filter(f -> f.toString().endsWith(DEVIATION_SUFFIX)).toList()) {
            String name = pinned.getFileName().toString();
            if (!Files.isRegularFile(pinned.resolveSibling(
                name.substring(0, name.length() - DEVIATION_SUFFIX.length()) + GoldenFiles.EXPECTATION_SUFFIX))) {
              throw new InvalidCaseException(pinned, "pins a deviation, but no expectation file beside it expects one");
            }
          }
          for (Path file : all.stream().filter(f -> f.toString().endsWith(GoldenFiles.EXPECTATION_SUFFIX)).toList()) {
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
    return new Expectation(caseId, host, data.clause(), data.reason(), finding(file, data), deviation(file));
  }

  private static Optional<Expectation.Finding> finding(Path file, ExpectationFile data) {
    if (data.kind() == null) {
      if (data.upstream() != null || data.reproduction() != null) {
        throw new InvalidCaseException(file, "`upstream` and `reproduction` belong to a `class`ified difference");
      }
      return Optional.empty();
    }
    Expectation.Finding.Kind kind = Expectation.Finding.Kind.byId(data.kind()).orElseThrow(() ->
        new InvalidCaseException(file, "`class` must be `spec-differs` or `upstream-defect`, got `" + data.kind() + "`"));
    if (data.upstream() == null || data.upstream().isBlank()) {
      throw new InvalidCaseException(file, "a `class`ified difference needs `upstream`: repository, commit and file:line");
    }
    boolean defect = kind == Expectation.Finding.Kind.UPSTREAM_DEFECT;
    if (defect != (data.reproduction() != null && !data.reproduction().isBlank())) {
      throw new InvalidCaseException(file, defect ? "an `upstream-defect` needs a `reproduction`"
          : "only an `upstream-defect` has a `reproduction`");
    }
    return Optional.of(new Expectation.Finding(kind, data.upstream(), Optional.ofNullable(data.reproduction())));
  }

  /** The transcript pinned beside the entry ({@code <case>.deviation.txt}), if any. */
  private static Optional<String> deviation(Path file) {
    String name = file.getFileName().toString();
    Path pinned = file.resolveSibling(name.substring(0, name.length() - GoldenFiles.EXPECTATION_SUFFIX.length())
        + DEVIATION_SUFFIX);
    if (!Files.isRegularFile(pinned)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(pinned));
    } catch (IOException e) {
      throw new InvalidCaseException(pinned, "cannot be read", e);
    }
  }

  private static String key(String caseId, String host) {
    return caseId + " @ " + host;
  }
}
