package dev.flowconf.kernel.teavm;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * JVM side of the TeaVM kernel test run. {@link SuiteDiscovery} runs the kernel's JUnit 5 tests through
 * the real JUnit Platform with this interceptor installed (by extension auto-detection, only in the discovery's
 * own launcher, never in Surefire's run). It lets JUnit do everything it normally does (discovery,
 * {@code @CsvSource} parsing, argument conversion, display names, {@code @Disabled}, tags) but skips every
 * test body and lifecycle method, recording instead which method would have been called with which
 * arguments. {@link SuiteSourceGenerator} turns the recording into plain Java calls that TeaVM can compile.
 */
public final class InvocationRecorder implements InvocationInterceptor {
    /** JUnit tag for tests that only make sense on a JVM; they are listed, never run, under TeaVM. */
    public static final String JVM_ONLY = "jvm-only";

    /** One test invocation JUnit would have run. */
    public static final class Recorded {
        final String uniqueId;
        final Class<?> testClass;
        final Method method;
        final List<Object> arguments;
        final String displayName;
        final boolean template;
        final boolean jvmOnly;
        final List<Method> beforeEach = new ArrayList<>();
        final List<Method> afterEach = new ArrayList<>();

        Recorded(String uniqueId, Class<?> testClass, Method method, List<Object> arguments, String displayName,
                boolean template, boolean jvmOnly) {
            this.uniqueId = uniqueId;
            this.testClass = testClass;
            this.method = method;
            this.arguments = arguments;
            this.displayName = displayName;
            this.template = template;
            this.jvmOnly = jvmOnly;
        }
    }

    /** Static lifecycle of one test class. */
    public static final class ClassLifecycle {
        final List<Method> beforeAll = new ArrayList<>();
        final List<Method> afterAll = new ArrayList<>();
    }

    static final List<Recorded> RECORDED = new ArrayList<>();
    static final Map<Class<?>, ClassLifecycle> LIFECYCLES = new LinkedHashMap<>();
    /** Things the TeaVM runner cannot reproduce; the builder fails the build listing them. */
    static final List<String> UNSUPPORTED = new ArrayList<>();
    private static final Map<String, List<Method>> PENDING_BEFORE_EACH = new LinkedHashMap<>();
    private static final Map<String, Recorded> BY_ID = new LinkedHashMap<>();

    static void reset() {
        RECORDED.clear();
        LIFECYCLES.clear();
        UNSUPPORTED.clear();
        PENDING_BEFORE_EACH.clear();
        BY_ID.clear();
    }

    /** The tag on the test, its class or an enclosing one (dynamic tests do not inherit tags, so walk up). */
    private static boolean jvmOnly(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getTags().contains(JVM_ONLY)) {
                return true;
            }
        }
        return false;
    }

    private static String where(ExtensionContext context) {
        return context.getUniqueId();
    }

    @Override
    public <T> T interceptTestClassConstructor(Invocation<T> invocation,
            ReflectiveInvocationContext<Constructor<T>> invocationContext, ExtensionContext extensionContext)
            throws Throwable {
        if (!invocationContext.getArguments().isEmpty() && !jvmOnly(extensionContext)) {
            UNSUPPORTED.add(where(extensionContext) + ": test class constructor with parameters "
                    + invocationContext.getExecutable());
        }
        return invocation.proceed();
    }

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) {
        staticLifecycle(invocationContext, extensionContext, true);
        invocation.skip();
    }

    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) {
        staticLifecycle(invocationContext, extensionContext, false);
        invocation.skip();
    }

    private static void staticLifecycle(ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext, boolean before) {
        if (jvmOnly(extensionContext)) {
            return;
        }
        Method method = invocationContext.getExecutable();
        if (!invocationContext.getArguments().isEmpty()) {
            UNSUPPORTED.add(where(extensionContext) + ": lifecycle method with parameters " + method);
        }
        if (invocationContext.getTarget().isPresent()) {
            UNSUPPORTED.add(where(extensionContext) + ": @TestInstance(PER_CLASS) lifecycle " + method);
        }
        ClassLifecycle lifecycle = LIFECYCLES.computeIfAbsent(invocationContext.getTargetClass(),
                c -> new ClassLifecycle());
        (before ? lifecycle.beforeAll : lifecycle.afterAll).add(method);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) {
        if (!invocationContext.getArguments().isEmpty() && !jvmOnly(extensionContext)) {
            UNSUPPORTED.add(where(extensionContext) + ": lifecycle method with parameters "
                    + invocationContext.getExecutable());
        }
        PENDING_BEFORE_EACH.computeIfAbsent(extensionContext.getUniqueId(), id -> new ArrayList<>())
                .add(invocationContext.getExecutable());
        invocation.skip();
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) {
        if (!invocationContext.getArguments().isEmpty() && !jvmOnly(extensionContext)) {
            UNSUPPORTED.add(where(extensionContext) + ": lifecycle method with parameters "
                    + invocationContext.getExecutable());
        }
        Recorded recorded = BY_ID.get(extensionContext.getUniqueId());
        if (recorded == null) {
            UNSUPPORTED.add(where(extensionContext) + ": @AfterEach without a recorded test");
        } else {
            recorded.afterEach.add(invocationContext.getExecutable());
        }
        invocation.skip();
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) {
        record(invocationContext, extensionContext, false);
        invocation.skip();
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) {
        record(invocationContext, extensionContext, true);
        invocation.skip();
    }

    private static void record(ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext, boolean template) {
        boolean jvmOnly = jvmOnly(extensionContext);
        if (!jvmOnly && extensionContext.getTestInstanceLifecycle()
                .filter(l -> l == org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS).isPresent()) {
            UNSUPPORTED.add(where(extensionContext) + ": @TestInstance(PER_CLASS)");
        }
        if (!jvmOnly && invocationContext.getTargetClass().getEnclosingClass() != null
                && !java.lang.reflect.Modifier.isStatic(invocationContext.getTargetClass().getModifiers())) {
            UNSUPPORTED.add(where(extensionContext) + ": @Nested (inner) test class");
        }
        String displayName = extensionContext.getDisplayName();
        if (template) {
            displayName = extensionContext.getParent().map(ExtensionContext::getDisplayName).orElse("") + " "
                    + displayName;
        }
        Recorded recorded = new Recorded(extensionContext.getUniqueId(), invocationContext.getTargetClass(),
                invocationContext.getExecutable(), new ArrayList<>(invocationContext.getArguments()), displayName,
                template, jvmOnly);
        List<Method> before = PENDING_BEFORE_EACH.remove(extensionContext.getUniqueId());
        if (before != null) {
            recorded.beforeEach.addAll(before);
        }
        RECORDED.add(recorded);
        BY_ID.put(recorded.uniqueId, recorded);
    }

    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        if (!jvmOnly(extensionContext)) {
            UNSUPPORTED.add(where(extensionContext) + ": @TestFactory (dynamic tests)");
        }
        return invocation.proceed();
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
            ExtensionContext extensionContext) {
        // Only reached for a jvm-only factory (any other one is already UNSUPPORTED): counted as excluded.
        Method factory = null;
        for (ExtensionContext c = extensionContext; factory == null && c != null; c = c.getParent().orElse(null)) {
            factory = c.getTestMethod().orElse(null);
        }
        if (factory != null && jvmOnly(extensionContext)) {
            RECORDED.add(new Recorded(extensionContext.getUniqueId(), factory.getDeclaringClass(), factory, List.of(),
                    extensionContext.getDisplayName(), true, true));
        }
        invocation.skip();
    }
}
