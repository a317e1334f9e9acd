package dev.flowconf.conformance.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetTests {

  @ParameterizedTest
  @CsvSource({
      "workers=http://127.0.0.1:8787,   workers,   http://127.0.0.1:8787/echo",
      "my-host=https://h.example/base/, my-host,   https://h.example/base/echo"})
  void parsesNameEqualsUrlAndAppendsCasePaths(String argument, String name, String echoUrl) {
    Target target = Target.parse(argument);

    assertEquals(name, target.name());
    assertEquals(echoUrl, target.urlOf("/echo"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8787", "Workers=http://h", "a.b=http://h", "=http://h", "w=ftp://h"})
  void rejectsWhatCannotNameAFileOrIsNotHttp(String argument) {
    assertThrows(IllegalArgumentException.class, () -> Target.parse(argument));
  }

  @ParameterizedTest
  @ValueSource(strings = {"reference", "workers", "host-2"})
  void acceptsFileSafeNames(String name) {
    assertEquals(name, new Target(name, URI.create("http://h")).name());
  }
}
