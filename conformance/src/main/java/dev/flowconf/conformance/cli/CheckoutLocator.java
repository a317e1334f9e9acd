package dev.flowconf.conformance.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the flowconf checkout whose hosts {@code serve} starts: the first directory holding both
 * {@code reference-host/} and {@code harness-workerd/}, from the working directory up, else from
 * this jar's own location up ({@code <checkout>/conformance/target/flowconf.jar}).
 */
final class CheckoutLocator {

  private CheckoutLocator() {}

  static Path nearest(Path start) {
    return above(start.toAbsolutePath().normalize())
        .or(() -> jarLocation().flatMap(CheckoutLocator::above))
        .orElseThrow(() -> new IllegalArgumentException("no flowconf checkout (a directory holding reference-host/ "
            + "and harness-workerd/) in " + start.toAbsolutePath().normalize() + " or its parents; pass --root DIR"));
  }

  private static Optional<Path> above(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("reference-host")) && Files.isDirectory(dir.resolve("harness-workerd"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> jarLocation() {
    try {
      return Optional.of(Path.of(CheckoutLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toAbsolutePath().normalize());
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
