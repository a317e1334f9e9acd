package dev.flowconf.conformance;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.flowconf.conformance.golden.CaseCatalog;
import dev.flowconf.conformance.golden.GoldenFiles;
import dev.flowconf.conformance.replay.PlaywrightRuntime;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every golden case on every host, one test each ({@code echo/s1-happy-path @ workers}): the host's
 * transcript must equal the case's approved transcript. A host that cannot be started fails its tests.
 */
@ExtendWith(PerJvmResources.class)
class GoldenReplayTests {

  @TestFactory
  Stream<DynamicTest> everyCaseOnEveryHostMatchesTheApprovedTranscript(PlaywrightRuntime playwright,
      HostsUnderTest hosts) {
    GoldenFiles goldens = new GoldenFiles(TestPaths.goldens());
    ConformanceCheck check = new ConformanceCheck(playwright, goldens);
    return CaseCatalog.load(goldens).cases().stream()
        .flatMap(golden -> HostsUnderTest.NAMES.stream()
            .map(host -> dynamicTest(golden.id() + " @ " + host, () -> check.verify(golden, hosts.target(host)))));
  }
}
