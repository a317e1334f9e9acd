package dev.flowconf.conformance.cli;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} for every command (a picocli mixin). */
final class HelpOption {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;
}
