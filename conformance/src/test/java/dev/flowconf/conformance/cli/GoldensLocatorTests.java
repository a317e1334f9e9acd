package dev.flowconf.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which goldens a command takes when none is named: the packaged suite's own, else the nearest from here up. */
class GoldensLocatorTests {

  @TempDir
  Path dir;

  @AfterEach
  void forgetThePackage() {
    System.clearProperty(GoldensLocator.PACKAGED);
  }

  @Test
  void withoutAPackageTheNearestGoldensUpwardsAreTaken() throws IOException {
    Path goldens = Files.createDirectories(dir.resolve("goldens"));
    Path deep = Files.createDirectories(dir.resolve("a/b"));
    assertEquals(goldens, GoldensLocator.byDefault(deep));
  }

  @Test
  void thePackagedGoldensWinOverAnyNearer() throws IOException {
    Files.createDirectories(dir.resolve("work/goldens"));
    Path packaged = Files.createDirectories(dir.resolve("suite/goldens"));
    System.setProperty(GoldensLocator.PACKAGED, packaged.toString());
    assertEquals(packaged, GoldensLocator.byDefault(dir.resolve("work")));
  }

  @Test
  void missingPackagedGoldensAreNamed() {
    System.setProperty(GoldensLocator.PACKAGED, dir.resolve("gone").toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoldensLocator.byDefault(dir));
    assertTrue(e.getMessage().contains(dir.resolve("gone").toString()), e.getMessage());
  }
}
