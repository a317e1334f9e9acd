package dev.flowconf.kernel.teavm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.teavm.vm.TeaVMOptimizationLevel;

/**
 * Builds the kernel's JUnit 5 tests into one JavaScript module with TeaVM, so that {@code ci/test}
 * ({@code ./mvnw verify}) proves the kernel behaves the same once compiled for Workers.
 *
 * <p>Why not TeaVM's own JUnit support: {@code org.teavm:teavm-junit} 0.16 provides {@code TeaVMTestRunner}, a
 * JUnit 4 {@code Runner} ({@code @RunWith}) that only recognises {@code org.junit.Test}, JUnit 3 and TestNG
 * methods (public, no parameters, or a TestNG data provider); there is no Jupiter engine or extension, so
 * {@code @ParameterizedTest}, {@code @CsvSource} and {@code @MethodSource} cannot run. Its JS runner
 * ({@code teavm.junit.js.runner=browser-chrome}) starts {@code google-chrome-stable} through a Jetty websocket
 * server; there is no node runner. Rewriting the kernel tests as JUnit 4 would have meant a second copy of them.
 *
 * <p>What this does instead, in four steps:
 * <ol>
 * <li>{@link SuiteDiscovery}: runs the test classes through the real JUnit Platform with
 * {@link InvocationRecorder}, which skips every body and records what JUnit would call;</li>
 * <li>{@link SuiteSourceGenerator}: writes one Java class per test class that makes exactly those calls, and a
 * main class for {@link PortableSuite};</li>
 * <li>{@link SourceCompiler} and {@link TeaVmCompiler}: javac, then TeaVM with the Workers host's settings
 * (ADVANCED), once for each backend asked for: an ES2015 module, a Wasm GC module;</li>
 * <li>leaves {@code js/kernel-tests.js} for {@code src/test/teavm/run-kernel-tests.mjs}, which node runs next, and
 * {@code wasm/kernel-tests.wasm} for {@code src/test/teavm/run-kernel-tests-wasm.mjs}, which runs it in workerd.</li>
 * </ol>
 *
 * <p>Exclusion is explicit: tests (or classes) tagged {@code @Tag("jvm-only")} are listed and not compiled;
 * Jazzer's {@code @FuzzTest}s (which JUnit tags {@code jazzer}) must carry the same tag, are listed too, and are
 * only discovered here, never run (running one, even just to record it, would have Jazzer install its agent in
 * this JVM and replay the seed corpus); so are the tests of any JUnit Platform engine other than Jupiter, should
 * one ever be on the test class path again; anything the generated runner cannot reproduce (dynamic tests,
 * {@code @Nested}, injected parameters, unsupported argument types) fails the build with a list instead of being
 * skipped.
 *
 * <p>Arguments: {@code <test-classes dir> <output dir> [optimization level] [minify] [backends: js,wasm]}.
 */
public final class TeaVmSuiteBuilder {
    private TeaVmSuiteBuilder() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: TeaVmSuiteBuilder <test-classes dir> <output dir> [ADVANCED|FULL|SIMPLE] [minify]"
                    + " [js,wasm]");
            System.exit(2);
        }
        TeaVMOptimizationLevel level = TeaVMOptimizationLevel.valueOf(args.length > 2 ? args[2] : "ADVANCED");
        boolean minify = args.length <= 3 || Boolean.parseBoolean(args[3]);
        List<TeaVmCompiler> compilers = new ArrayList<>();
        for (String name : (args.length > 4 ? args[4] : "js").split(",")) {
            compilers.add(new TeaVmCompiler(level, minify, TeaVmCompiler.Backend.named(name.trim())));
        }
        System.exit(build(Path.of(args[0]), Path.of(args[1]), compilers));
    }

    private static int build(Path testClasses, Path output, List<TeaVmCompiler> compilers) throws Exception {
        long start = System.nanoTime();
        deleteRecursively(output);
        DiscoveredSuite discovered = SuiteDiscovery.ofTestClasses(testClasses, output.resolve("recorder-services"))
                .discover();
        GeneratedSources generated = SuiteSourceGenerator.generate(discovered);
        Path sources = output.resolve("generated-sources");
        generated.writeUnder(sources);
        DiscoveryReport.print(discovered, System.out);
        List<String> problems = new ArrayList<>(discovered.problems);
        problems.addAll(generated.problems);
        if (!problems.isEmpty()) {
            DiscoveryReport.printProblems(problems, System.out);
            return 1;
        }
        if (discovered.portable().isEmpty()) {
            System.out.println("[teavm-tests] no portable kernel test found: refusing to report success");
            return 1;
        }

        String classPath = System.getProperty("java.class.path");
        Path classes = output.resolve("classes");
        List<String> javacErrors = SourceCompiler.compile(sources, classes, classPath);
        if (!javacErrors.isEmpty()) {
            javacErrors.forEach(System.out::println);
            System.out.println("[teavm-tests] javac failed on the generated sources in " + sources);
            return 1;
        }
        for (TeaVmCompiler teavm : compilers) {
            long teavmStart = System.nanoTime();
            Path target = output.resolve(teavm.backend.directory);
            if (!teavm.compile(SuiteSourceGenerator.SUITE_PACKAGE + "." + SuiteSourceGenerator.SUITE_CLASS, classes,
                    classPath, target)) {
                return 1;
            }
            Path module = target.resolve(teavm.backend.moduleFile);
            System.out.println("[teavm-tests] TeaVM " + teavm.describe() + ": " + module + " (" + Files.size(module) / 1024
                    + " KB) in " + (System.nanoTime() - teavmStart) / 1_000_000 + " ms; total "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        return 0;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
