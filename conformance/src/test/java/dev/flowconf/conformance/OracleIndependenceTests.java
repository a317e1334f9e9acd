package dev.flowconf.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The runner judges hosts over HTTP only: neither its code nor its tests may link the kernel or a host, so a
 * bug there cannot make both sides agree. Maven's dependency tree decides it; this checks the classpath it built.
 */
class OracleIndependenceTests {

  @Test
  void noKernelOrHostClassIsOnTheClasspath() {
    for (String name : new String[] {"dev.flowconf.kernel.json.JsonValue", "dev.flowconf.kernel.http.FlowHttpHost",
        "dev.flowconf.reference.ReferenceHost", "dev.flowconf.workers.FetchHandler"}) {
      assertThrows(ClassNotFoundException.class,
          () -> Class.forName(name, false, OracleIndependenceTests.class.getClassLoader()), name);
    }
  }
}
