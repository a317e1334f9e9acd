package dev.flowconf.conformance.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the {@code goldens/} directory of the checkout the command runs in. */
final class GoldensLocator {

  private GoldensLocator() {}

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
