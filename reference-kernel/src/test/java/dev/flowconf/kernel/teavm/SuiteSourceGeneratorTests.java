package dev.flowconf.kernel.teavm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.kernel.teavm.fixture.ManyCases;
import dev.flowconf.kernel.teavm.fixture.MixedCases;
import dev.flowconf.kernel.teavm.fixture.ParameterizedCases;
import dev.flowconf.kernel.teavm.fixture.PlainCases;
import dev.flowconf.kernel.teavm.fixture.UnsupportedCases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java source generated from what JUnit resolved for the fixture classes, and that javac accepts it. */
@Tag("jvm-only") // drives JUnit's launcher and javac, which only the JVM has; about the TeaVM build, not the kernel
class SuiteSourceGeneratorTests {
    private static final String FIXTURES = "dev.flowconf.kernel.teavm.fixture.";

    @TempDir
    static Path scratch;
    private static GeneratedSources generated;

    @BeforeAll
    static void generateFromFixtures() throws IOException {
        generated = SuiteSourceGenerator.generate(SuiteDiscovery.ofClasses(scratch.resolve("services"),
                PlainCases.class, ParameterizedCases.class, MixedCases.class, ManyCases.class).discover());
    }

    @Test
    void writesOneRegistrarPerPortableClassAndTheSuiteCountingWhatJunitResolved() {
        assertEquals(List.of(), generated.problems);
        assertEquals(List.of(FIXTURES + "TeaVmCases_PlainCases", FIXTURES + "TeaVmCases_ParameterizedCases",
                FIXTURES + "TeaVmCases_MixedCases", FIXTURES + "TeaVmCases_ManyCases",
                "dev.flowconf.kernel.teavm.GeneratedKernelSuite"), generated.sources.stream()
                        .map(JavaSource::qualifiedName).collect(Collectors.toList()));
        String suite = generated.source("dev.flowconf.kernel.teavm.GeneratedKernelSuite").text;
        // 2 + 9 + 1 + 200 portable invocations, 5 jvm-only ones, 1 test JUnit disabled.
        assertTrue(suite.contains("new PortableSuite(212, 5, 1);"), suite);
        assertTrue(suite.contains("        " + FIXTURES + "TeaVmCases_PlainCases.register(suite);\n"), suite);
    }

    @Test
    void callsEachTestOnAFreshInstanceBetweenItsLifecycleMethods() {
        String plain = registrar("PlainCases");
        assertTrue(plain.contains("suite.testClass(\"PlainCases\", () -> { " + FIXTURES + "PlainCases.openAll(); }, "
                + "() -> { " + FIXTURES + "PlainCases.closeAll(); });"), plain);
        assertTrue(plain.contains("suite.test(\"a named test\", () -> { " + FIXTURES + "PlainCases t = new "
                + FIXTURES + "PlainCases(); t.open(); try { t.named(); } finally { t.close(); } });"), plain);
        assertEquals(2, occurrences(plain, "suite.test("));
        assertFalse(plain.contains("disabled"), plain);
    }

    @Test
    void writesLiteralArgumentsExactly() {
        String parameterized = registrar("ParameterizedCases");
        assertTrue(parameterized.contains("t.rows(2, \"two, quoted\", Double.longBitsToDouble(0x8000000000000000L)"
                + " /* -0.0 */)"), parameterized);
        assertTrue(parameterized.contains("t.letters((char) 233)"), parameterized);
        assertTrue(parameterized.contains("t.units(java.util.concurrent.TimeUnit.DAYS)"), parameterized);
    }

    @Test
    void callsAMethodSourceOfObjectsUnderTeaVmAndChecksItsCount() {
        String parameterized = registrar("ParameterizedCases");
        assertEquals(1, occurrences(parameterized, "suite.parameterized(\"sizes\", new String[] {"));
        assertTrue(parameterized.contains("new dev.flowconf.kernel.teavm.PortableSuite.Factory[] {() -> "
                + FIXTURES + "ParameterizedCases.lists()}"), parameterized);
        assertTrue(parameterized.contains("t.sizes((java.util.List) a[0], "
                + "dev.flowconf.kernel.teavm.PortableSuite.toInt(a[1]))"), parameterized);
        assertEquals(0, occurrences(parameterized, "t.sizes(java.util"));
    }

    @Test
    void leavesJvmOnlyTestsOut() {
        String mixed = registrar("MixedCases");
        assertTrue(mixed.contains("t.portable()"), mixed);
        assertFalse(mixed.contains("jvmOnly"), mixed);
    }

    @Test
    void spreadsManyCallsOverMethodsSmallEnoughForTheJvm() {
        String many = registrar("ManyCases");
        // The testClass statement and 200 calls: 200 statements in part0, one in part1.
        assertEquals(200, occurrences(many, "t.counts("));
        assertTrue(many.contains("        part0(suite);\n        part1(suite);\n    }"), many);
        assertFalse(many.contains("part2"), many);
    }

    @Test
    void theGeneratedSourcesCompile() throws IOException {
        Path sources = scratch.resolve("generated-sources");
        generated.writeUnder(sources);
        Path classes = scratch.resolve("classes");
        List<String> errors = SourceCompiler.compile(sources, classes, System.getProperty("java.class.path"));
        assertEquals(List.of(), errors);
        assertTrue(Files.isRegularFile(classes.resolve("dev/flowconf/kernel/teavm/GeneratedKernelSuite.class")));
        assertTrue(Files.isRegularFile(
                classes.resolve("dev/flowconf/kernel/teavm/fixture/TeaVmCases_ManyCases.class")));
    }

    @Test
    void namesArgumentsItCannotWrite() throws IOException {
        GeneratedSources unsupported = SuiteSourceGenerator.generate(
                SuiteDiscovery.ofClasses(scratch.resolve("services"), UnsupportedCases.class).discover());
        assertTrue(unsupported.problems.contains(FIXTURES + "UnsupportedCases.durations: arguments [java.time.Duration]"
                + " are neither literals nor from a single @MethodSource"), unsupported.problems::toString);
    }

    private static String registrar(String fixture) {
        return generated.source(FIXTURES + "TeaVmCases_" + fixture).text;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }
}
