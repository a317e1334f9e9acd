package dev.flowconf.conformance;

import java.nio.file.Path;

/** Paths of the checkout under test, from the {@code flowconf.root} property that Surefire sets. */
public final class TestPaths {

  private TestPaths() {}

  static Path root() {
    String root = System.getProperty("flowconf.root");
    if (root == null) {
      throw new IllegalStateException("system property flowconf.root (the checkout root) is not set; "
          + "Surefire sets it, an IDE run needs -Dflowconf.root=<checkout>");
    }
    return Path.of(root).toAbsolutePath().normalize();
  }

  public static Path goldens() {
    return root().resolve("goldens");
  }
}
