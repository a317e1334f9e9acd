package dev.flowconf.conformance.cli;

import dev.flowconf.conformance.approval.ReceivedApproval;
import dev.flowconf.conformance.approval.ReceivedApproval.Approved;
import dev.flowconf.conformance.approval.ReceivedApproval.CannotApprove;
import dev.flowconf.conformance.golden.GoldenFiles;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowconf approve CASE [--host H]}: a reviewer accepts a host's received transcript in one step. */
@Command(name = "approve",
    description = "Makes a host's received transcript of CASE (<case>.<host>.received.txt, left by a run "
        + "whose transcript differed) the approved one, and deletes the received files it settles. "
        + "Exit 2 if there is nothing to approve.")
final class ApproveCommand implements Callable<Integer> {

  @Parameters(paramLabel = "CASE", description = "The case id, e.g. echo/s1-happy-path.")
  private String caseId;

  @Option(names = "--host", paramLabel = "H",
      description = "Whose received transcript to approve; needed when hosts left different ones.")
  private String host;

  @Mixin
  private GoldensOption goldensOption;

  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Approved approved;
    try {
      GoldenFiles goldens = goldensOption.files();
      approved = new ReceivedApproval(goldens).approve(GoldenFiles.caseIdArgument(caseId), Optional.ofNullable(host));
    } catch (CannotApprove | IllegalArgumentException e) {
      err.println("flowconf: " + e.getMessage());
      return 2;
    }
    out.println((approved.created() ? "created " : "approved ") + approved.approvedFile()
        + " with the received transcript of " + approved.host());
    if (!approved.diff().isEmpty()) {
      approved.diff().lines().forEach(line -> out.println("  " + line));
    }
    approved.deleted().forEach(file -> out.println("deleted " + file));
    approved.kept().forEach(file -> out.println("kept " + file + " (it differs from the new approved transcript)"));
    out.flush();
    return 0;
  }
}
