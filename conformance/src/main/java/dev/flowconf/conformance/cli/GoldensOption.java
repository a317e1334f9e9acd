package dev.flowconf.conformance.cli;

import dev.flowconf.conformance.golden.GoldenFiles;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --goldens DIR}, for every command that reads cases: one option, one default (a picocli mixin). */
final class GoldensOption {

  @Option(names = "--goldens", paramLabel = "DIR",
      description = "The goldens directory (holding cases/). Default: the packaged suite's own (bin/flowconf), "
          + "else the nearest goldens/ from here up.")
  private Path dir;

  /** The goldens named, else {@link GoldensLocator#byDefault}; an IllegalArgumentException when there are none. */
  GoldenFiles files() {
    return GoldensLocator.files(dir);
  }
}
