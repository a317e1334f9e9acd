package dev.flowconf.conformance;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostsUnderTestTests {

  @TempDir
  Path emptyCheckout;

  @Test
  void aHostThatCannotStartFailsEveryAskWithTheReason() throws Exception {
    try (HostsUnderTest hosts = new HostsUnderTest(emptyCheckout)) {
      IllegalStateException first = assertThrows(IllegalStateException.class, () -> hosts.target("reference"));
      IllegalStateException second = assertThrows(IllegalStateException.class, () -> hosts.target("reference"));

      assertTrue(first.getMessage().startsWith("host `reference` could not be started: the reference host is not built: "
          + emptyCheckout.resolve("reference-host/target/reference-host.jar") + " is missing"), first.getMessage());
      assertSame(first.getCause(), second.getCause(), "started once, not retried per test");
    }
  }
}
