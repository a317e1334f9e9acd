package dev.flowconf.conformance.cli;

import dev.flowconf.conformance.golden.GoldenFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the {@code goldens/} directory of the checkout the command runs in. */
final class GoldensLocator {

  private GoldensLocator() {}

  /** Set by the packaged suite's launcher (bin/flowconf) to the archive's own goldens. */
  static final String PACKAGED = "flowconf.goldens";

  /** The goldens a command works on: those {@code --goldens} named, else {@link #byDefault} from the working directory. */
  static GoldenFiles files(Path named) {
    return new GoldenFiles(named != null ? named : byDefault(Path.of("")));
  }

  /** The goldens a command uses when none is named: the packaged suite's, else the nearest from {@code start} up. */
  static Path byDefault(Path start) {
    String packaged = System.getProperty(PACKAGED);
    if (packaged != null && !packaged.isBlank()) {
      Path goldens = Path.of(packaged);
      if (!Files.isDirectory(goldens)) {
        throw new IllegalArgumentException("the packaged goldens " + goldens + " are missing; pass --goldens DIR");
      }
      return goldens;
    }
    return nearest(start);
  }

  /** The first {@code goldens/} in {@code start} or one of its parents. */
  static Path nearest(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path goldens = dir.resolve("goldens");
      if (Files.isDirectory(goldens)) {
        return goldens;
      }
    }
    throw new IllegalArgumentException(
        "no goldens/ directory in " + start.toAbsolutePath().normalize() + " or its parents; pass --goldens DIR");
  }
}
