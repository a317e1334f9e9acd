package dev.flowconf.conformance.cli;

import dev.flowconf.conformance.CaseScheduler;
import dev.flowconf.conformance.ConformanceCheck;
import dev.flowconf.conformance.TargetHealth;
import dev.flowconf.conformance.golden.CaseCatalog;
import dev.flowconf.conformance.golden.ClauseSelector;
import dev.flowconf.conformance.golden.Expectations;
import dev.flowconf.conformance.golden.FeatureCatalog;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.GoldenFiles;
import dev.flowconf.conformance.golden.InvalidCaseException;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.replay.Target;
import dev.flowconf.conformance.replay.TargetPreflight;
import dev.flowconf.conformance.report.CheckedRun;
import dev.flowconf.conformance.report.FailureDigest;
import dev.flowconf.conformance.report.Outcome;
import dev.flowconf.conformance.report.Progress;
import dev.flowconf.conformance.report.ReportDirectory;
import dev.flowconf.conformance.report.ResultTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code flowconf run}: every selected case on every target, then the table, the failures and the reports. */
@Command(name = "run",
    description = "Replays the golden cases against every target and compares each transcript with "
        + "the approved one. Browser cases (EventSource, aborted fetches) drive /usr/bin/chromium, or the Chromium "
        + "that FLOWCONF_CHROMIUM names. "
        + "The targets may be hosts this command did not start, and a target may be several processes "
        + "(--route). A case needing a host feature a target lacks (--features, --profile) is N/A there: "
        + "not sent, neither pass nor failure.")
final class RunCommand implements Callable<Integer> {

  private static final int DIFF_LINES_SHOWN = 40;

  @Option(names = "--target", required = true, paramLabel = "NAME=URL", converter = TargetConverter.class,
      description = "A host to check, e.g. workers=http://127.0.0.1:8787. Repeatable.")
  private List<Target> targets;

  @Option(names = "--profile", paramLabel = "NAME=PROFILE",
      description = "What target NAME is: its host features and the path prefixes other processes serve, from "
          + "goldens/profiles/PROFILE.json (or a file path), e.g. axum=axum for upstream's Axum host. Repeatable.")
  private List<String> profiles = new ArrayList<>();

  @Option(names = "--features", paramLabel = "NAME=LIST",
      description = "The optional host features target NAME has, comma-separated (`none` for none; names in "
          + "goldens/features.json), replacing its profile's. Default: all. A case needing one it lacks is N/A. "
          + "Repeatable.")
  private List<String> featureLists = new ArrayList<>();

  @Option(names = "--route", paramLabel = "NAME:PREFIX=URL",
      description = "Send target NAME's requests whose path starts with PREFIX (whole segments) to URL instead: "
          + "for a host made of several processes. A URL with a path replaces the prefix (/preflight/kv="
          + "http://127.0.0.1:9104/preflight sends /preflight/kv?x as /preflight?x), one without keeps it; the "
          + "longest prefix wins; overrides the profile's. Repeatable.")
  private List<String> routeOptions = new ArrayList<>();

  @Mixin
  private GoldensOption goldensOption;

  @Option(names = "--case", paramLabel = "GLOB",
      description = "Only cases whose id matches, e.g. 'echo/*'. Repeatable. Default: all.")
  private List<String> caseGlobs = new ArrayList<>();

  @Option(names = "--clause", paramLabel = "ID", converter = ClauseConverter.class,
      description = "Only cases citing this SPEC.md clause id, or an id starting with it and a dash "
          + "(SSE selects SSE-*, SSE-ERROR selects SSE-ERROR-1 and SSE-ERROR-ITEM-1). Repeatable; "
          + "with --case, a case must match both.")
  private List<ClauseSelector> clauses = new ArrayList<>();

  @Option(names = "--report", paramLabel = "DIR",
      description = "Also write index.html (the cases × hosts matrix), summary.md and junit-<host>.xml "
          + "into DIR, with copies of the transcripts and a diff page per failure. Never inside goldens/.")
  private Path reportDir;

  @Option(names = "--keepalive-ms", paramLabel = "N", defaultValue = "15000",
      description = "The targets' SSE keep-alive interval (SPEC.md SSE-KEEPALIVE-1); cancellation checks wait "
          + "at most this plus 2 s. Default: ${DEFAULT-VALUE}, the hosts' default.")
  private long keepAliveMillis;

  @Option(names = "--jobs", paramLabel = "N", defaultValue = "" + CaseScheduler.DEFAULT_PARALLELISM,
      description = "How many cases run at once on the targets (cases reading a host's run counters "
          + "always run alone on it). Default: ${DEFAULT-VALUE}.")
  private int jobs;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "The most one exchange may take, from the request's first byte to the answer's last; also the "
          + "pre-check's bound. Default: ${DEFAULT-VALUE}.")
  private double timeoutSeconds;

  @Option(names = "--max-time", paramLabel = "SECONDS", defaultValue = "0",
      description = "The most the whole run may take: cases not started by then fail as not run (running ones end "
          + "within --timeout). 0: no limit. Default: ${DEFAULT-VALUE}.")
  private double maxTimeSeconds;

  @Option(names = "--give-up-after", paramLabel = "N", defaultValue = "" + TargetHealth.DEFAULT_GIVE_UP_AFTER,
      description = "After N exchanges in a row with no answer from a target, its remaining cases fail at once as "
          + "\"host not answering\"; other targets carry on. 0: never. Default: ${DEFAULT-VALUE}.")
  private int giveUpAfter;

  @Option(names = "--keep-going",
      description = "Run even when the pre-check cannot reach a target: its cases fail as \"target unreachable\" "
          + "instead of the run exiting 2.")
  private boolean keepGoing;

  @Option(names = "--no-progress", description = "Print no progress line(s) on stderr while running.")
  private boolean noProgress;

  @Mixin
  private HelpOption help;

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
    if (jobs < 1) {
      throw new ParameterException(spec.commandLine(), "--jobs must be at least 1");
    }
    if (timeoutSeconds <= 0 || maxTimeSeconds < 0 || giveUpAfter < 0) {
      throw new ParameterException(spec.commandLine(), "--timeout must be above 0, --max-time and --give-up-after "
          + "at least 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<GoldenCase> cases;
    GoldenFiles goldens;
    Expectations expectations;
    try {
      goldens = goldensOption.files();
      CaseCatalog catalog = CaseCatalog.load(goldens);
      expectations = Expectations.load(goldens, catalog);
      List<GoldenCase> citing = catalog.citing(clauses);
      cases = catalog.matching(caseGlobs).stream().filter(citing::contains).toList();
      if (reportDir != null) {
        ReportDirectory.requireOutside(reportDir, goldens);
      }
      targets = TargetOptions.apply(targets, profiles, featureLists, routeOptions, goldens, FeatureCatalog.load(goldens));
    } catch (InvalidCaseException | IllegalArgumentException e) {
      err.println("flowconf: " + e.getMessage());
      return 2;
    }
    if (cases.isEmpty()) {
      err.println("flowconf: no case matches " + (caseGlobs.isEmpty() ? "" : "--case " + caseGlobs)
          + (caseGlobs.isEmpty() || clauses.isEmpty() ? "" : " and ") + (clauses.isEmpty() ? "" : "--clause " + clauses));
      return 2;
    }
    targets.stream().filter(t -> !t.features().isAll() || !t.routes().isEmpty())
        .forEach(t -> out.println(TargetOptions.describe(t)));
    long startedAt = System.nanoTime();
    Duration timeout = Duration.ofMillis(Math.round(timeoutSeconds * 1000));
    TargetHealth health = new TargetHealth(giveUpAfter,
        maxTimeSeconds > 0 ? Duration.ofMillis(Math.round(maxTimeSeconds * 1000)) : null);
    List<String> unreachable = new ArrayList<>();
    targets.parallelStream().forEach(target -> TargetPreflight.problem(target, timeout).ifPresent(problem -> {
      synchronized (unreachable) {
        unreachable.add("target " + target.name() + " unreachable: " + problem);
      }
      health.unreachable(target, problem);
    }));
    if (!unreachable.isEmpty()) {
      // One line per unreachable target, saying what happens next.
      String then = keepGoing ? " (--keep-going: its cases fail unsent)" : " (no case run; --keep-going runs the others)";
      unreachable.stream().sorted().forEach(line -> err.println("flowconf: " + line + then));
      if (!keepGoing) {
        return 2;
      }
    }
    Progress progress = noProgress ? null : Progress.forConsole(err, cases.size() * targets.size());
    List<Outcome> outcomes;
    try (PlaywrightRuntime playwright = PlaywrightRuntime.start(jobs)) {
      ConformanceCheck check = new ConformanceCheck(playwright, goldens, expectations, Duration.ofMillis(keepAliveMillis),
          timeout, health);
      outcomes = new CaseScheduler(check::check, jobs).run(cases, targets, outcome -> {
        if (progress != null) {
          progress.accept(outcome);
        }
      });
    } finally {
      if (progress != null) {
        progress.finish();
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - startedAt);
    out.print(ResultTable.render(outcomes));
    out.printf(Locale.ROOT, "checked in %.1f s (%d cases at a time)%n%n", took.toMillis() / 1000.0, jobs);
    out.print(FailureDigest.render(outcomes, DIFF_LINES_SHOWN));
    out.flush();
    if (reportDir != null) {
      try {
        Path index = ReportDirectory.write(
            new CheckedRun(cases, targets, outcomes, expectations, Instant.now(), took), goldens, reportDir);
        out.println("report: " + index.toAbsolutePath().normalize());
        out.flush();
      } catch (IOException e) {
        err.println("flowconf: cannot write the report into " + reportDir + ": " + e);
        return 2;
      }
    }
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

  static final class ClauseConverter implements ITypeConverter<ClauseSelector> {
    @Override
    public ClauseSelector convert(String value) {
      try {
        return new ClauseSelector(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
