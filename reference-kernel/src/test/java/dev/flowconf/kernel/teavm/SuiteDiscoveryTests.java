package dev.flowconf.kernel.teavm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.kernel.teavm.fixture.MixedCases;
import dev.flowconf.kernel.teavm.fixture.ParameterizedCases;
import dev.flowconf.kernel.teavm.fixture.PlainCases;
import dev.flowconf.kernel.teavm.fixture.UnsupportedCases;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the TeaVM suite's discovery makes of the fixture classes, as JUnit's launcher resolves them. */
@Tag("jvm-only") // drives JUnit's launcher, which only the JVM has; about the TeaVM build, not the kernel
class SuiteDiscoveryTests {
    @TempDir
    static Path scratch;
    private static DiscoveredSuite fixtures;

    @BeforeAll
    static void discoverFixtures() throws IOException {
        fixtures = SuiteDiscovery.ofClasses(scratch.resolve("services"), PlainCases.class, ParameterizedCases.class,
                MixedCases.class).discover();
    }

    @Test
    void countsEveryInvocationOnceAndSplitsOffTheJvmOnlyOnes() {
        // Plain 2, Parameterized 2 + 2 + 2 + 3, Mixed 1 portable; Mixed's 3 rows and 2 dynamic tests are jvm-only.
        assertEquals(12, fixtures.portable().size());
        assertEquals(5, fixtures.jvmOnly().size());
        assertEquals(17, fixtures.invocations.size());
        assertEquals(3, fixtures.testClassCount());
        assertEquals(List.of(), fixtures.problems);
    }

    @Test
    void leavesTheDisabledTestToJunitAndCountsIt() {
        assertEquals(1, fixtures.skippedByJunit.size());
        String skipped = fixtures.skippedByJunit.get(0);
        assertTrue(skipped.contains("disabled()") && skipped.endsWith("(fixture: JUnit skips it)"), skipped);
        assertFalse(methodNames(PlainCases.class).contains("disabled"));
    }

    @Test
    void recordsPlainTestsWithTheirLifecycle() throws NoSuchMethodException {
        assertEquals(Set.of("addsUp", "named"), methodNames(PlainCases.class));
        for (InvocationRecorder.Recorded r : invocationsOf(PlainCases.class)) {
            assertFalse(r.template);
            assertEquals(List.of(PlainCases.class.getDeclaredMethod("open")), r.beforeEach);
            assertEquals(List.of(PlainCases.class.getDeclaredMethod("close")), r.afterEach);
        }
        InvocationRecorder.ClassLifecycle lifecycle = fixtures.lifecycles.get(PlainCases.class);
        assertEquals(List.of(PlainCases.class.getDeclaredMethod("openAll")), lifecycle.beforeAll);
        assertEquals(List.of(PlainCases.class.getDeclaredMethod("closeAll")), lifecycle.afterAll);
    }

    @Test
    void recordsEachParameterizedInvocationWithTheArgumentsJunitConverted() {
        List<InvocationRecorder.Recorded> rows = invocationsOf(ParameterizedCases.class).stream()
                .filter(r -> r.method.getName().equals("rows")).collect(Collectors.toList());
        assertEquals(2, rows.size());
        assertEquals(List.of(1, "one", 0.5), rows.get(0).arguments);
        assertEquals(List.of(2, "two, quoted", -0.0), rows.get(1).arguments);
        assertTrue(rows.get(1).template);
        assertEquals("rows(int, String, double) [2] 2, two, quoted, -0.0", rows.get(1).displayName);
    }

    @Test
    void recordsMethodSourceObjectsAsTheFactoryMadeThem() {
        List<List<Object>> sizes = invocationsOf(ParameterizedCases.class).stream()
                .filter(r -> r.method.getName().equals("sizes")).map(r -> r.arguments).collect(Collectors.toList());
        assertEquals(List.of(List.of(List.of(), 0), List.of(List.of("a"), 1), List.of(List.of("a", "b"), 2)), sizes);
    }

    @Test
    void marksTaggedTestsJvmOnlyAndListsFuzzTestsWithoutRunningThem() {
        assertEquals(Set.of("portable"), fixtures.portable().stream().filter(r -> r.testClass == MixedCases.class)
                .map(r -> r.method.getName()).collect(Collectors.toSet()));
        assertEquals(List.of("jvmOnlyRows", "jvmOnlyRows", "jvmOnlyRows", "jvmOnlyDynamic", "jvmOnlyDynamic"),
                fixtures.jvmOnly().stream().map(r -> r.method.getName()).collect(Collectors.toList()));
        assertEquals(List.of("MixedCases.jvmOnlyFuzz (Jazzer @FuzzTest)"), fixtures.discoveredOnly);
    }

    @Test
    void listsEveryTestTheGeneratedRunnerCannotReproduce() throws IOException {
        DiscoveredSuite unsupported = SuiteDiscovery.ofClasses(scratch.resolve("services"), UnsupportedCases.class)
                .discover();
        List<String> problems = unsupported.problems;
        assertEquals(4, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("UnsupportedCases.untaggedFuzz: a Jazzer @FuzzTest;"),
                problems::toString);
        assertTrue(problems.stream().anyMatch(
                p -> p.endsWith("[test-factory:dynamic()]: @TestFactory (dynamic tests)")), problems::toString);
        // An inner class needs its outer instance: a constructor parameter, and @Nested besides.
        assertTrue(problems.stream().anyMatch(p -> p.contains("[nested-class:Inner]: test class constructor with"
                + " parameters")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("[method:inside()]: @Nested (inner) test class")),
                problems::toString);
        // A snapshot: the recorder's reset for this discovery left the earlier one whole.
        assertEquals(17, fixtures.invocations.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.flowconf.kernel.json.JsonParserTests", "a.TestThing", "a.ThingTest", "ThingTests",
            "a.b.ThingTestCase"})
    void surefireIncludesSelectTestClasses(String className) {
        assertTrue(className.matches(SuiteDiscovery.SUREFIRE_DEFAULT_INCLUDES), className);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.flowconf.kernel.teavm.fixture.PlainCases", "a.Outer$InnerTests",
            "a.TestsOuter$Inner", "a.Testing.Thing", "dev.flowconf.kernel.teavm.SuiteDiscovery"})
    void surefireIncludesLeaveFixturesAndNestedClassesOut(String className) {
        assertFalse(className.matches(SuiteDiscovery.SUREFIRE_DEFAULT_INCLUDES), className);
    }

    private static List<InvocationRecorder.Recorded> invocationsOf(Class<?> testClass) {
        return fixtures.invocations.stream().filter(r -> r.testClass == testClass).collect(Collectors.toList());
    }

    private static Set<String> methodNames(Class<?> testClass) {
        return invocationsOf(testClass).stream().map(r -> r.method).map(Method::getName).collect(Collectors.toSet());
    }
}
