package dev.flowconf.kernel.teavm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What JUnit resolved in one {@link SuiteDiscovery}: every invocation it would have made, and whatever keeps a test
 * from the TeaVM run. A snapshot, so the recorder's static state can be reset by the next discovery.
 */
final class DiscoveredSuite {
    /** Every recorded invocation, portable and jvm-only, in the order JUnit made them. */
    final List<InvocationRecorder.Recorded> invocations;
    /** Static {@code @BeforeAll}/{@code @AfterAll} methods of the portable test classes. */
    final Map<Class<?>, InvocationRecorder.ClassLifecycle> lifecycles;
    /** Tests the generated runner cannot reproduce; any one of them fails the build. */
    final List<String> problems;
    /** Tests or containers JUnit itself skipped ({@code @Disabled}, conditions), as "unique id (reason)". */
    final List<String> skippedByJunit;
    /** Jazzer fuzz tests and tests of other engines, all jvm-only, as "Class.method (what)": listed, never run. */
    final List<String> discoveredOnly;

    DiscoveredSuite(List<InvocationRecorder.Recorded> invocations,
            Map<Class<?>, InvocationRecorder.ClassLifecycle> lifecycles, List<String> problems,
            List<String> skippedByJunit, List<String> discoveredOnly) {
        this.invocations = List.copyOf(invocations);
        this.lifecycles = Collections.unmodifiableMap(new LinkedHashMap<>(lifecycles));
        this.problems = List.copyOf(problems);
        this.skippedByJunit = List.copyOf(skippedByJunit);
        this.discoveredOnly = List.copyOf(discoveredOnly);
    }

    /** The invocations the generated runner makes under TeaVM. */
    List<InvocationRecorder.Recorded> portable() {
        return invocations.stream().filter(r -> !r.jvmOnly).collect(Collectors.toList());
    }

    /** The invocations tagged jvm-only: Surefire runs them, TeaVM only counts them. */
    List<InvocationRecorder.Recorded> jvmOnly() {
        return invocations.stream().filter(r -> r.jvmOnly).collect(Collectors.toList());
    }

    long testClassCount() {
        return invocations.stream().map(r -> r.testClass).distinct().count();
    }
}
