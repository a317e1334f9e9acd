package dev.flowconf.conformance.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** All golden cases of a goldens directory, sorted by id. */
public final class CaseCatalog {

  private final List<GoldenCase> cases;

  private CaseCatalog(List<GoldenCase> cases) {
    this.cases = List.copyOf(cases);
  }

  /**
   * Loads every {@code *.case.json} under {@code cases/}; fails on the first invalid file, or one
   * needing a host feature {@code features.json} does not name.
   */
  public static CaseCatalog load(GoldenFiles goldens) {
    Path casesDir = goldens.casesDir();
    if (!Files.isDirectory(casesDir)) {
      throw new IllegalArgumentException("no cases directory at " + casesDir);
    }
    FeatureCatalog features = FeatureCatalog.load(goldens);
    try (Stream<Path> files = Files.walk(casesDir)) {
      return new CaseCatalog(files
          .filter(file -> file.getFileName().toString().endsWith(GoldenFiles.CASE_SUFFIX))
          .filter(Files::isRegularFile)
          .map(file -> withKnownFeatures(CaseFileReader.read(file, goldens.caseIdOf(file)), file, features))
          .sorted(Comparator.comparing(GoldenCase::id))
          .toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + casesDir, e);
    }
  }

  private static GoldenCase withKnownFeatures(GoldenCase golden, Path file, FeatureCatalog features) {
    try {
      features.requireKnown(golden.features(), "`features`");
    } catch (IllegalArgumentException e) {
      throw new InvalidCaseException(file, e.getMessage());
    }
    return golden;
  }

  public List<GoldenCase> cases() {
    return cases;
  }

  /** The cases whose id matches any of the globs (e.g. {@code echo/s1-*}); all cases if none is given. */
  public List<GoldenCase> matching(List<String> globs) {
    if (globs.isEmpty()) {
      return cases;
    }
    List<PathMatcher> matchers = globs.stream()
        .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
        .toList();
    return cases.stream()
        .filter(golden -> matchers.stream().anyMatch(m -> m.matches(Path.of(golden.id()))))
        .toList();
  }

  /**
   * The cases citing a clause any selector selects; all cases if none is given. A selector no case
   * answers to is an IllegalArgumentException that lists which id prefixes the cases do cite.
   */
  public List<GoldenCase> citing(List<ClauseSelector> selectors) {
    for (ClauseSelector selector : selectors) {
      if (cases.stream().noneMatch(selector::selects)) {
        TreeSet<String> prefixes = new TreeSet<>();
        cases.forEach(golden -> golden.clauses().forEach(id -> prefixes.add(id.split("-", 2)[0])));
        throw new IllegalArgumentException("no case cites clause `" + selector + "` or an id starting `" + selector
            + "-`; the cases cite ids starting " + String.join(", ", prefixes) + " (see SPEC.md)");
      }
    }
    if (selectors.isEmpty()) {
      return cases;
    }
    return cases.stream().filter(golden -> selectors.stream().anyMatch(s -> s.selects(golden))).toList();
  }
}
