package dev.flowconf.conformance.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which Chromium the browser cases drive (Debian's, unless FLOWCONF_CHROMIUM names another), and one that fails. */
class ChromiumPathTests {

  @Test
  void debiansChromiumUnlessTheVariableNamesAnother() {
    assertEquals(Path.of("/usr/bin/chromium"), PlaywrightRuntime.chromium(null));
    assertEquals(Path.of("/usr/bin/chromium"), PlaywrightRuntime.chromium(" "));
    assertEquals(Path.of("/opt/chrome/chrome"), PlaywrightRuntime.chromium("/opt/chrome/chrome"));
  }

  @Test
  void aBinaryThatIsNoChromiumIsNamedWithWhatToInstall() {
    try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      IllegalStateException failure = assertThrows(IllegalStateException.class,
          () -> PlaywrightRuntime.launch(playwright, Path.of("/bin/true")));
      assertTrue(failure.getMessage().startsWith("the Chromium at /bin/true did not start under Playwright ("),
          failure.getMessage());
      assertTrue(failure.getMessage().contains("install Debian 12's chromium package")
          && failure.getMessage().contains("FLOWCONF_CHROMIUM"), failure.getMessage());
    }
  }
}
