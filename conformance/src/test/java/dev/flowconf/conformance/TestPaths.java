package dev.flowconf.conformance;

import dev.flowconf.checkout.Checkout;
import java.nio.file.Path;

/** Paths of the checkout under test (Surefire names it with {@code -Dflowconf.root}). */
public final class TestPaths {

  private TestPaths() {}

  static Path root() {
    return Checkout.root();
  }

  public static Path goldens() {
    return Checkout.goldens();
  }
}
