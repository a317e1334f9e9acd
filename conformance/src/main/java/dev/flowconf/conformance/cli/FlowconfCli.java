package dev.flowconf.conformance.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code flowconf} command. Exit codes: 0 every transcript matched (for {@code approve}: approved),
 * 1 some host differs from an approved transcript (or could not be reached; for {@code serve}: the
 * host exited with an error; for {@code isolate}: an answer carried another request's data or a request
 * failed), 2 the command could not do its job at all (bad arguments, broken case file, no goldens,
 * nothing to approve, host not built).
 */
@Command(name = "flowconf",
    subcommands = {RunCommand.class, ApproveCommand.class, RecordCommand.class, ServeCommand.class, IsolateCommand.class},
    description = "Holds HTTP hosts to the approved golden transcripts: run checks hosts, approve accepts a "
        + "received transcript, record writes a new case's first one, serve starts one of this checkout's hosts, isolate checks that concurrent requests "
        + "of different users never see each other's data.")
public final class FlowconfCli implements Runnable {

  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line of every subcommand, for tests and embedders that run it in-process. */
  public static CommandLine commandLine() {
    return new CommandLine(new FlowconfCli());
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand");
  }
}
