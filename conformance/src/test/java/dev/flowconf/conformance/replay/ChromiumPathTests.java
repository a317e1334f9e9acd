package dev.flowconf.conformance.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which Chromium the browser cases drive: Debian's, unless FLOWCONF_CHROMIUM names another. */
class ChromiumPathTests {

  @Test
  void debiansChromiumUnlessTheVariableNamesAnother() {
    assertEquals(Path.of("/usr/bin/chromium"), PlaywrightRuntime.chromium(null));
    assertEquals(Path.of("/usr/bin/chromium"), PlaywrightRuntime.chromium(" "));
    assertEquals(Path.of("/opt/chrome/chrome"), PlaywrightRuntime.chromium("/opt/chrome/chrome"));
  }
}
