package dev.flowconf.conformance;

import dev.flowconf.conformance.replay.PlaywrightRuntime;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the JVM's one {@link PlaywrightRuntime} and one {@link HostsUnderTest}. Both live in the
 * root store: created on first use, closed by JUnit when the whole run ends, on the thread that ran
 * the tests (Playwright objects must not change threads).
 */
public final class PerJvmResources implements ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(PerJvmResources.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == PlaywrightRuntime.class || type == HostsUnderTest.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    if (parameter.getParameter().getType() == PlaywrightRuntime.class) {
      return store.getOrComputeIfAbsent(PlaywrightRuntime.class, key -> PlaywrightRuntime.start(),
          PlaywrightRuntime.class);
    }
    return store.getOrComputeIfAbsent(HostsUnderTest.class, key -> new HostsUnderTest(TestPaths.root()),
        HostsUnderTest.class);
  }
}
