package dev.flowconf.conformance.cli;

import dev.flowconf.conformance.ConformanceCheck;
import dev.flowconf.conformance.golden.CaseCatalog;
import dev.flowconf.conformance.golden.Expectations;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.GoldenFiles;
import dev.flowconf.conformance.golden.InvalidCaseException;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.replay.Target;
import dev.flowconf.conformance.report.FailureDigest;
import dev.flowconf.conformance.report.Outcome;
import dev.flowconf.conformance.report.ResultTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code flowconf run}: every selected case on every target, then the table and the failures. */
@Command(name = "run",
    description = "Replays the golden cases against every target and compares each transcript with "
        + "the approved one. Browser cases (EventSource, aborted fetches) drive /usr/bin/chromium.")
final class RunCommand implements Callable<Integer> {

  private static final int DIFF_LINES_SHOWN = 40;

  @Option(names = "--target", required = true, paramLabel = "NAME=URL", converter = TargetConverter.class,
      description = "A host to check, e.g. workers=http://127.0.0.1:8787. Repeatable.")
  private List<Target> targets;

  @Option(names = "--goldens", paramLabel = "DIR",
      description = "The goldens directory (holding cases/). Default: the nearest goldens/ from here up.")
  private Path goldensDir;

  @Option(names = "--case", paramLabel = "GLOB",
      description = "Only cases whose id matches, e.g. 'echo/*'. Repeatable. Default: all.")
  private List<String> caseGlobs = new ArrayList<>();

  @Option(names = "--keepalive-ms", paramLabel = "N", defaultValue = "15000",
      description = "The targets' SSE keep-alive interval (SPEC.md SSE-KEEPALIVE-1); cancellation checks wait "
          + "at most this plus 2 s. Default: ${DEFAULT-VALUE}, the hosts' default.")
  private long keepAliveMillis;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    if (targets.stream().map(Target::name).distinct().count() < targets.size()) {
      throw new ParameterException(spec.commandLine(), "each --target needs its own NAME");
    }
    if (keepAliveMillis < 1) {
      throw new ParameterException(spec.commandLine(), "--keepalive-ms must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<GoldenCase> cases;
    GoldenFiles goldens;
    Expectations expectations;
    try {
      goldens = new GoldenFiles(goldensDir != null ? goldensDir : GoldensLocator.nearest(Path.of("")));
      CaseCatalog catalog = CaseCatalog.load(goldens);
      expectations = Expectations.load(goldens, catalog);
      cases = catalog.matching(caseGlobs);
    } catch (InvalidCaseException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("flowconf: " + e.getMessage());
      return 2;
    }
    if (cases.isEmpty()) {
      spec.commandLine().getErr().println("flowconf: no case matches " + caseGlobs);
      return 2;
    }
    long startedAt = System.nanoTime();
    List<Outcome> outcomes;
    try (PlaywrightRuntime playwright = PlaywrightRuntime.start()) {
      outcomes = new ConformanceCheck(playwright, goldens, expectations, Duration.ofMillis(keepAliveMillis))
          .checkAll(cases, targets);
    }
    out.print(ResultTable.render(outcomes));
    out.printf(Locale.ROOT, "checked in %.1f s%n%n", (System.nanoTime() - startedAt) / 1e9);
    out.print(FailureDigest.render(outcomes, DIFF_LINES_SHOWN));
    out.flush();
    return outcomes.stream().anyMatch(Outcome::isFailure) ? 1 : 0;
  }

  static final class TargetConverter implements ITypeConverter<Target> {
    @Override
    public Target convert(String value) {
      try {
        return Target.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
