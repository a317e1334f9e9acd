package dev.flowconf.kernel.teavm;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.TagFilter.excludeTags;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Step 1 of the TeaVM run: lets the real JUnit Platform resolve the tests with {@link InvocationRecorder}
 * installed, which skips every body and records which method JUnit would call with which arguments.
 */
final class SuiteDiscovery {
    /** Surefire's default includes: simple names Test*, *Test, *Tests, *TestCase; no nested classes. */
    static final String SUREFIRE_DEFAULT_INCLUDES =
            "^([^$]*\\.)?(Test[^.$]*|[^.$]*Test|[^.$]*Tests|[^.$]*TestCase)$";
    static final String JUPITER_ENGINE = "junit-jupiter";
    /** The tag Jazzer's {@code @FuzzTest} puts on every fuzz test. */
    static final String JAZZER_TAG = "jazzer";

    private final List<DiscoverySelector> selectors;
    private final String classNamePattern;
    private final Path servicesDirectory;

    /**
     * @param servicesDirectory a scratch directory for the recorder's service registration (created if missing)
     */
    SuiteDiscovery(List<? extends DiscoverySelector> selectors, String classNamePattern, Path servicesDirectory) {
        this.selectors = List.copyOf(selectors);
        this.classNamePattern = classNamePattern;
        this.servicesDirectory = servicesDirectory;
    }

    /** Every test class under a test-classes directory that Surefire runs too. */
    static SuiteDiscovery ofTestClasses(Path testClasses, Path servicesDirectory) {
        return new SuiteDiscovery(selectClasspathRoots(Set.of(testClasses)), SUREFIRE_DEFAULT_INCLUDES,
                servicesDirectory);
    }

    /** Just the given classes, whatever their names. */
    static SuiteDiscovery ofClasses(Path servicesDirectory, Class<?>... classes) {
        return new SuiteDiscovery(Stream.of(classes).map(DiscoverySelectors::selectClass).collect(Collectors.toList()),
                ".*", servicesDirectory);
    }

    DiscoveredSuite discover() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> skippedByJunit = new ArrayList<>();
        List<String> failedOnJvm = new ArrayList<>();
        List<String> discoveredOnly = new ArrayList<>();
        InvocationRecorder.reset();
        // Extension auto-detection reads META-INF/services through the context class loader: give it a loader
        // that sees the recorder's registration, so Surefire's own run never does.
        Path file = servicesDirectory.resolve("META-INF/services/org.junit.jupiter.api.extension.Extension");
        Files.createDirectories(file.getParent());
        Files.writeString(file, InvocationRecorder.class.getName() + "\n");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {servicesDirectory.toUri().toURL()},
                SuiteDiscovery.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            Launcher launcher = LauncherFactory.create();
            listDiscoveredOnly(launcher, problems, discoveredOnly);
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectors)
                    .filters(includeClassNamePatterns(classNamePattern))
                    // Jupiter only: the recorder is a Jupiter extension, so another engine on the test class path
                    // would just run its tests here for nothing. No fuzz tests: Jazzer's arguments provider would
                    // install its agent here before the recorder sees an invocation (they are listed instead).
                    .filters(includeEngines(JUPITER_ENGINE))
                    .filters(excludeTags(JAZZER_TAG))
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                    .build(), new TestExecutionListener() {
                        @Override
                        public void executionSkipped(TestIdentifier identifier, String reason) {
                            skippedByJunit.add(identifier.getUniqueId() + " (" + reason + ")");
                        }

                        @Override
                        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                                failedOnJvm.add("JUnit could not resolve " + identifier.getUniqueId() + ": "
                                        + result.getThrowable().map(Throwable::toString)
                                                .orElse(result.getStatus().name()));
                            }
                        }
                    });
        } finally {
            thread.setContextClassLoader(previous);
        }
        problems.addAll(InvocationRecorder.UNSUPPORTED);
        problems.addAll(failedOnJvm);
        return new DiscoveredSuite(InvocationRecorder.RECORDED, InvocationRecorder.LIFECYCLES, problems,
                skippedByJunit, discoveredOnly);
    }

    /**
     * Jazzer's fuzz tests (Jupiter test templates tagged {@code jazzer}) and the tests of engines other than
     * Jupiter are only discovered, never run here: the generated runner reproduces recorded Jupiter invocations
     * alone, and a fuzz test's invocations are its corpus, read by Jazzer at run time. Each of them must be tagged
     * jvm-only; they are listed with the other jvm-only tests.
     */
    private void listDiscoveredOnly(Launcher launcher, List<String> problems, List<String> discoveredOnly) {
        TestPlan plan = launcher.discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(includeClassNamePatterns(classNamePattern))
                .build());
        for (TestIdentifier root : plan.getRoots()) {
            boolean jupiter = UniqueId.parse(root.getUniqueId()).getEngineId().filter(JUPITER_ENGINE::equals)
                    .isPresent();
            for (TestIdentifier test : plan.getDescendants(root)) {
                boolean fuzzTest = jupiter && test.getTags().contains(TestTag.create(JAZZER_TAG))
                        && test.getSource().filter(MethodSource.class::isInstance).isPresent();
                if (jupiter ? !fuzzTest : !test.isTest()) {
                    continue;
                }
                String where = test.getSource()
                        .filter(MethodSource.class::isInstance)
                        .map(MethodSource.class::cast)
                        .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "."
                                + m.getMethodName())
                        .orElse(test.getUniqueId());
                String what = fuzzTest ? "Jazzer @FuzzTest" : root.getDisplayName() + " test";
                if (test.getTags().stream().anyMatch(t -> t.getName().equals(InvocationRecorder.JVM_ONLY))) {
                    discoveredOnly.add(where + " (" + what + ")");
                } else {
                    problems.add(where + ": a " + what + "; only Jupiter tests that are not fuzz tests can be"
                            + " compiled by TeaVM, so it must be tagged " + InvocationRecorder.JVM_ONLY);
                }
            }
        }
    }
}
