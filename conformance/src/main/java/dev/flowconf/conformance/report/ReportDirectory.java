package dev.flowconf.conformance.report;

import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.GoldenFiles;
import dev.flowconf.conformance.replay.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a run's reports into a directory ({@code --report DIR}):
 *
 * <pre>
 * index.html                                   the parity matrix (HtmlReport)
 * summary.md                                   a few lines for a CI log (MarkdownSummary)
 * junit-&lt;host&gt;.xml                              per host, for any CI (JunitXmlReport)
 * transcripts/&lt;case-id&gt;.approved.txt            copies, so the report stands on its own
 * transcripts/&lt;case-id&gt;.&lt;host&gt;.received.txt   what a host gave where it differed
 * diffs/&lt;case-id&gt;.&lt;host&gt;.html                 a failure's message and diff
 * </pre>
 *
 * A directory the runner wrote before (it holds {@code .flowconf-report}) has its previous
 * transcripts, diffs and JUnit files removed first, so no stale link survives; anything else, and
 * any directory without that marker, is left alone. A report never goes into goldens/, where
 * received and approved transcripts are judged.
 */
public final class ReportDirectory {

  private static final String MARKER = ".flowconf-report";

  private ReportDirectory() {}

  /** Refuses a report directory that is, or is inside, the goldens directory. */
  public static void requireOutside(Path dir, GoldenFiles goldens) {
    Path report = dir.toAbsolutePath().normalize();
    if (report.startsWith(goldens.root())) {
      throw new IllegalArgumentException("--report " + dir + " is inside " + goldens.root()
          + "; reports never go into goldens/, pick a directory elsewhere (e.g. out/report)");
    }
  }

  /** Writes every report and returns the path of {@code index.html}. */
  public static Path write(CheckedRun run, GoldenFiles goldens, Path dir) throws IOException {
    requireOutside(dir, goldens);
    Files.createDirectories(dir);
    if (Files.exists(dir.resolve(MARKER))) {
      clearPrevious(dir);
    }
    write(dir.resolve(MARKER), "written by flowconf run --report; its files are replaced by the next run\n");
    Set<String> withApproved = new HashSet<>();
    for (GoldenCase golden : run.cases()) {
      Path approved = goldens.approvedFile(golden.id());
      if (Files.isRegularFile(approved)) {
        Path copy = dir.resolve(ReportLayout.approvedPath(golden.id()));
        Files.createDirectories(copy.getParent());
        Files.copy(approved, copy, StandardCopyOption.REPLACE_EXISTING);
        withApproved.add(golden.id());
      }
    }
    ReportLayout layout = new ReportLayout(withApproved);
    for (Outcome outcome : run.outcomes()) {
      if (outcome.received().isPresent()) {
        write(dir.resolve(ReportLayout.receivedPath(outcome.golden().id(), outcome.host())), outcome.received().get());
      }
      if (layout.diffOf(outcome).isPresent()) {
        write(dir.resolve(layout.diffOf(outcome).get()), HtmlReport.diffPage(run, outcome, layout));
      }
    }
    for (Target target : run.targets()) {
      write(dir.resolve("junit-" + target.name() + ".xml"), JunitXmlReport.render(run, target));
    }
    write(dir.resolve("summary.md"), MarkdownSummary.render(run));
    Path index = dir.resolve("index.html");
    write(index, HtmlReport.index(run, layout));
    return index;
  }

  private static void clearPrevious(Path dir) throws IOException {
    for (String tree : new String[] {"transcripts", "diffs"}) {
      Path root = dir.resolve(tree);
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(file);
          }
        }
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("junit-") && name.endsWith(".xml")) {
          Files.delete(file);
        }
      }
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
