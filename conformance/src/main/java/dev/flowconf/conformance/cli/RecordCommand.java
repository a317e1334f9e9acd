package dev.flowconf.conformance.cli;

import dev.flowconf.conformance.ConformanceCheck;
import dev.flowconf.conformance.TargetHealth;
import dev.flowconf.conformance.approval.ReceivedApproval;
import dev.flowconf.conformance.approval.ReceivedApproval.Approved;
import dev.flowconf.conformance.approval.ReceivedApproval.CannotApprove;
import dev.flowconf.conformance.golden.CaseCatalog;
import dev.flowconf.conformance.golden.Expectations;
import dev.flowconf.conformance.golden.GoldenCase;
import dev.flowconf.conformance.golden.GoldenFiles;
import dev.flowconf.conformance.golden.InvalidCaseException;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import dev.flowconf.conformance.replay.Target;
import dev.flowconf.conformance.replay.TargetPreflight;
import dev.flowconf.conformance.report.Outcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flowconf record CASE --target NAME=URL}: a new case's first approved transcript, from the answer of the
 * target chosen as the reference. The same steps as {@code run} on that one case (which leaves a received transcript,
 * there being no approved one to match) and then {@code approve}, in one command.
 */
@Command(name = "record",
    description = "Writes the approved transcript of a new CASE (its <case>.case.json written by hand, no approved "
        + "transcript yet) from the answer of the target you take as the reference, and prints it for review. "
        + "Exit 2 if the case is unknown or already has an approved transcript (run compares with it; approve "
        + "takes a received one), 1 if the target gave no answer to record.")
final class RecordCommand implements Callable<Integer> {

  @Parameters(paramLabel = "CASE", description = "The case id, e.g. echo/my-new-case.")
  private String caseId;

  @Option(names = "--target", required = true, paramLabel = "NAME=URL", converter = RunCommand.TargetConverter.class,
      description = "The reference: whose answer becomes the approved transcript.")
  private Target target;

  @Mixin
  private GoldensOption goldensOption;

  @Option(names = "--keepalive-ms", paramLabel = "N", defaultValue = "15000",
      description = "The target's SSE keep-alive interval, as for run. Default: ${DEFAULT-VALUE}.")
  private long keepAliveMillis;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "How long the exchange may take, first byte to last. Default: ${DEFAULT-VALUE}.")
  private double timeoutSeconds;

  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String id = GoldenFiles.caseIdArgument(caseId);
    GoldenFiles goldens;
    GoldenCase golden;
    Expectations expectations;
    try {
      goldens = goldensOption.files();
      CaseCatalog catalog = CaseCatalog.load(goldens);
      Optional<GoldenCase> found = catalog.cases().stream().filter(c -> c.id().equals(id)).findFirst();
      if (found.isEmpty()) {
        err.println("flowconf: no case `" + id + "`: write " + goldens.caseFile(id) + " first");
        return 2;
      }
      golden = found.get();
      expectations = Expectations.load(goldens, catalog);
    } catch (InvalidCaseException | IllegalArgumentException e) {
      err.println("flowconf: " + e.getMessage());
      return 2;
    }
    if (Files.exists(goldens.approvedFile(id))) {
      err.println("flowconf: `" + id + "` already has " + goldens.approvedFile(id) + "; run compares with it, and "
          + "approve makes a received transcript the new one");
      return 2;
    }
    Duration timeout = Duration.ofMillis(Math.round(timeoutSeconds * 1000));
    Optional<String> unreachable = TargetPreflight.problem(target, timeout);
    if (unreachable.isPresent()) {
      err.println("flowconf: target " + target.name() + " unreachable: " + unreachable.get() + " (nothing recorded)");
      return 2;
    }
    Outcome outcome;
    try (PlaywrightRuntime playwright = PlaywrightRuntime.start()) {
      ConformanceCheck check = new ConformanceCheck(playwright, goldens, expectations, Duration.ofMillis(keepAliveMillis),
          timeout, TargetHealth.patient());
      outcome = check.check(golden, target);
    }
    if (outcome.received().isEmpty()) {
      // No transcript: the exchange itself failed (no answer, a broken one), which is nothing to approve.
      err.println("flowconf: nothing recorded: " + outcome.message().orElse(outcome.verdict().toString()));
      return 1;
    }
    Approved approved;
    try {
      approved = new ReceivedApproval(goldens).approve(id, Optional.of(target.name()));
    } catch (CannotApprove e) {
      err.println("flowconf: " + e.getMessage());
      return 2;
    }
    out.println("created " + approved.approvedFile() + " from " + target.name() + "'s answer; review it before you "
        + "commit it:");
    out.println();
    read(approved.approvedFile()).lines().forEach(line -> out.println("  " + line));
    out.flush();
    return 0;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
