package dev.flowconf.conformance.cli;

import dev.flowconf.conformance.isolation.IdentityRequest.Route;
import dev.flowconf.conformance.isolation.IsolationCheck;
import dev.flowconf.conformance.isolation.IsolationOutcome;
import dev.flowconf.conformance.replay.Target;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code flowconf isolate}: interleaved concurrent requests of distinct users at each target, every
 * answer held to its own request ({@link IsolationCheck}). One summary line per target, then the
 * first mismatches and failures.
 */
@Command(name = "isolate",
    description = "Sends interleaved concurrent requests of distinct users (x-auth-user), headers, queries and "
        + "payloads to /meta, /harness/echo and /echo of each target and checks that every answer carries exactly "
        + "its own request's identity and that no two runs share a run id. Exit 0: no mismatch and no failed "
        + "request; 1: some; 2: bad arguments.")
final class IsolateCommand implements Callable<Integer> {

  @Option(names = "--target", required = true, paramLabel = "NAME=URL", converter = RunCommand.TargetConverter.class,
      description = "A host to check, e.g. workers=http://127.0.0.1:8787. Repeatable; checked one after another.")
  private List<Target> targets;

  @Option(names = "--requests", paramLabel = "N", defaultValue = "600",
      description = "Requests per target, routes in turn. Default: ${DEFAULT-VALUE}.")
  private int requests;

  @Option(names = "--route", paramLabel = "PATH", converter = RouteConverter.class,
      description = "Only these routes: /meta, /harness/echo, /echo. Repeatable. Default: all three (/echo has s1's "
          + "250 ms deadline, so a busy host may answer it 504, which counts as a failed request).")
  private List<Route> routes = List.of(Route.values());

  @Option(names = "--in-flight", paramLabel = "N", defaultValue = "50",
      description = "Requests sent at once; fewer than --requests, so connections are reused by other users. "
          + "Default: ${DEFAULT-VALUE}.")
  private int inFlight;

  @Option(names = "--show", paramLabel = "N", defaultValue = "10",
      description = "Mismatches and failures printed per target. Default: ${DEFAULT-VALUE}.")
  private int shown;

  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (targets.stream().map(Target::name).distinct().count() < targets.size()) {
      throw new ParameterException(spec.commandLine(), "each --target needs its own NAME");
    }
    if (requests < 1 || inFlight < 1 || shown < 0) {
      throw new ParameterException(spec.commandLine(), "--requests and --in-flight must be at least 1, --show at least 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean allPassed = true;
    for (Target target : targets) {
      IsolationOutcome outcome = new IsolationCheck(requests, inFlight, routes).run(target);
      out.print(outcome.report(shown));
      out.flush();
      allPassed &= outcome.passed();
    }
    return allPassed ? 0 : 1;
  }

  static final class RouteConverter implements ITypeConverter<Route> {
    @Override
    public Route convert(String value) {
      try {
        return Route.at(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
