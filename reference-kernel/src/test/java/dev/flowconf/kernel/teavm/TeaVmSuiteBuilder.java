package dev.flowconf.kernel.teavm;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.TagFilter.excludeTags;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.teavm.backend.javascript.JSModuleType;
import org.teavm.tooling.TeaVMProblemRenderer;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;
import org.teavm.tooling.TeaVMToolLog;
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
 * <li>runs the test classes through the real JUnit Platform with {@link InvocationRecorder}, which skips every
 * body and records which method JUnit would call with which (already converted) arguments;</li>
 * <li>writes one Java class per test class, in the test's package, that makes exactly those calls (literal
 * arguments for {@code @CsvSource}/{@code @ValueSource}-style sources; {@code @MethodSource} factories that
 * produce objects are called under TeaVM and their count checked against the JVM's);</li>
 * <li>compiles them with javac and the whole lot (kernel, test classes, JUnit's assertions,
 * {@link PortableSuite}) with TeaVM, using the Workers host's settings (ES2015 module, ADVANCED);</li>
 * <li>leaves {@code kernel-tests.js} for {@code src/test/teavm/run-kernel-tests.mjs}, which node runs next.</li>
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
 * <p>Arguments: {@code <test-classes dir> <output dir> [optimization level] [minify]}.
 */
public final class TeaVmSuiteBuilder {
    /** Surefire's default includes: simple names Test*, *Test, *Tests, *TestCase; no nested classes. */
    static final String SUREFIRE_DEFAULT_INCLUDES =
            "^([^$]*\\.)?(Test[^.$]*|[^.$]*Test|[^.$]*Tests|[^.$]*TestCase)$";
    static final String SUITE_PACKAGE = "dev.flowconf.kernel.teavm";
    static final String SUITE_CLASS = "GeneratedKernelSuite";
    static final String JUPITER_ENGINE = "junit-jupiter";
    /** The tag Jazzer's {@code @FuzzTest} puts on every fuzz test. */
    static final String JAZZER_TAG = "jazzer";

    private final Path testClasses;
    private final Path output;
    private final List<String> problems = new ArrayList<>();
    private final List<String> skippedByJunit = new ArrayList<>();
    private final List<String> failedOnJvm = new ArrayList<>();
    /** Jazzer fuzz tests (and tests of other engines), all tagged jvm-only, as "Class.method (what)", for the list. */
    private final List<String> discoveredOnly = new ArrayList<>();

    private TeaVmSuiteBuilder(Path testClasses, Path output) {
        this.testClasses = testClasses;
        this.output = output;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: TeaVmSuiteBuilder <test-classes dir> <output dir> [ADVANCED|FULL|SIMPLE] [minify]");
            System.exit(2);
        }
        TeaVMOptimizationLevel level = TeaVMOptimizationLevel.valueOf(args.length > 2 ? args[2] : "ADVANCED");
        boolean minify = args.length <= 3 || Boolean.parseBoolean(args[3]);
        int status = new TeaVmSuiteBuilder(Path.of(args[0]), Path.of(args[1])).build(level, minify);
        System.exit(status);
    }

    private int build(TeaVMOptimizationLevel level, boolean minify) throws Exception {
        long start = System.nanoTime();
        deleteRecursively(output);
        record();
        List<InvocationRecorder.Recorded> all = new ArrayList<>(InvocationRecorder.RECORDED);
        List<InvocationRecorder.Recorded> portable = all.stream().filter(r -> !r.jvmOnly).collect(Collectors.toList());
        List<InvocationRecorder.Recorded> jvmOnly = all.stream().filter(r -> r.jvmOnly).collect(Collectors.toList());
        problems.addAll(InvocationRecorder.UNSUPPORTED);
        problems.addAll(failedOnJvm);

        Path sources = output.resolve("generated-sources");
        Map<Class<?>, List<InvocationRecorder.Recorded>> byClass = new LinkedHashMap<>();
        for (InvocationRecorder.Recorded r : portable) {
            byClass.computeIfAbsent(r.testClass, c -> new ArrayList<>()).add(r);
        }
        List<String> registrars = new ArrayList<>();
        for (Map.Entry<Class<?>, List<InvocationRecorder.Recorded>> entry : byClass.entrySet()) {
            registrars.add(writeRegistrar(sources, entry.getKey(), entry.getValue()));
        }
        System.out.println("[teavm-tests] JUnit resolved " + all.size() + " test invocations in "
                + all.stream().map(r -> r.testClass).distinct().count() + " classes: " + portable.size()
                + " go to TeaVM, " + jvmOnly.size() + " are tagged jvm-only; " + discoveredOnly.size()
                + " Jazzer fuzz tests (or tests of other engines), all jvm-only, were discovered and left to"
                + " Surefire; "
                + skippedByJunit.size()
                + " tests or containers were skipped by JUnit itself (@Disabled, conditions)");
        printExcluded(jvmOnly);
        if (!problems.isEmpty()) {
            System.out.println("[teavm-tests] These kernel tests cannot be run by the generated TeaVM runner:");
            problems.forEach(p -> System.out.println("[teavm-tests]   " + p));
            System.out.println("[teavm-tests] Make them portable, or tag them @Tag(\"" + InvocationRecorder.JVM_ONLY
                    + "\") with a comment saying why they only make sense on the JVM.");
            return 1;
        }
        writeSuite(sources, registrars, portable.size(), jvmOnly.size(), skippedByJunit.size());
        if (portable.isEmpty()) {
            System.out.println("[teavm-tests] no portable kernel test found: refusing to report success");
            return 1;
        }

        Path classes = output.resolve("classes");
        if (!javac(sources, classes)) {
            return 1;
        }
        long teavmStart = System.nanoTime();
        if (!teavm(classes, output.resolve("js"), level, minify)) {
            return 1;
        }
        Path js = output.resolve("js").resolve("kernel-tests.js");
        System.out.println("[teavm-tests] TeaVM " + level + (minify ? " minified" : "") + ": " + js + " ("
                + Files.size(js) / 1024 + " KB) in " + (System.nanoTime() - teavmStart) / 1_000_000 + " ms; total "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        return 0;
    }

    // ---- 1. let JUnit resolve the tests ----

    private void record() throws IOException {
        InvocationRecorder.reset();
        // Extension auto-detection reads META-INF/services through the context class loader: give it a loader
        // that sees the recorder's registration, so Surefire's own run never does.
        Path services = output.resolve("recorder-services");
        Path file = services.resolve("META-INF/services/org.junit.jupiter.api.extension.Extension");
        Files.createDirectories(file.getParent());
        Files.writeString(file, InvocationRecorder.class.getName() + "\n");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {services.toUri().toURL()},
                TeaVmSuiteBuilder.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClasspathRoots(Set.of(testClasses)))
                    .filters(includeClassNamePatterns(SUREFIRE_DEFAULT_INCLUDES))
                    // Jupiter only: the recorder is a Jupiter extension, so another engine on the test class path
                    // would just run its tests here for nothing. No fuzz tests: Jazzer's arguments provider would
                    // install its agent here before the recorder sees an invocation (they are listed instead).
                    .filters(includeEngines(JUPITER_ENGINE))
                    .filters(excludeTags(JAZZER_TAG))
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                    .build();
            Launcher launcher = LauncherFactory.create();
            discoverOnly(launcher);
            launcher.execute(request, new TestExecutionListener() {
                @Override
                public void executionSkipped(TestIdentifier identifier, String reason) {
                    skippedByJunit.add(identifier.getUniqueId() + " (" + reason + ")");
                }

                @Override
                public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        failedOnJvm.add("JUnit could not resolve " + identifier.getUniqueId() + ": "
                                + result.getThrowable().map(Throwable::toString).orElse(result.getStatus().name()));
                    }
                }
            });
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Jazzer's fuzz tests (Jupiter test templates tagged {@code jazzer}) and the tests of engines other than
     * Jupiter are only discovered, never run here: the generated runner reproduces recorded Jupiter invocations
     * alone, and a fuzz test's invocations are its corpus, read by Jazzer at run time. Each of them must be tagged
     * jvm-only; they are listed with the other jvm-only tests.
     */
    private void discoverOnly(Launcher launcher) {
        TestPlan plan = launcher.discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(testClasses)))
                .filters(includeClassNamePatterns(SUREFIRE_DEFAULT_INCLUDES))
                .build());
        for (TestIdentifier root : plan.getRoots()) {
            boolean jupiter = UniqueId.parse(root.getUniqueId()).getEngineId().filter(JUPITER_ENGINE::equals)
                    .isPresent();
            for (TestIdentifier test : plan.getDescendants(root)) {
                boolean fuzzTest = jupiter && test.getTags().contains(TestTag.create(JAZZER_TAG))
                        && test.getSource().filter(
                                org.junit.platform.engine.support.descriptor.MethodSource.class::isInstance).isPresent();
                if (jupiter ? !fuzzTest : !test.isTest()) {
                    continue;
                }
                String where = test.getSource()
                        .filter(org.junit.platform.engine.support.descriptor.MethodSource.class::isInstance)
                        .map(org.junit.platform.engine.support.descriptor.MethodSource.class::cast)
                        .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "."
                                + m.getMethodName())
                        .orElse(test.getUniqueId());
                String what = fuzzTest ? "Jazzer @FuzzTest" : root.getDisplayName() + " test";
                String name = where + " (" + what + ")";
                if (test.getTags().stream().anyMatch(t -> t.getName().equals(InvocationRecorder.JVM_ONLY))) {
                    discoveredOnly.add(name);
                } else {
                    problems.add(where + ": a " + what + "; only Jupiter tests that are not fuzz tests can be"
                            + " compiled by TeaVM, so it must be tagged " + InvocationRecorder.JVM_ONLY);
                }
            }
        }
    }

    private void printExcluded(List<InvocationRecorder.Recorded> jvmOnly) {
        Map<String, Long> counts = jvmOnly.stream().collect(Collectors.groupingBy(
                r -> r.testClass.getSimpleName() + "." + r.method.getName(), LinkedHashMap::new, Collectors.counting()));
        counts.forEach((name, n) -> System.out.println("[teavm-tests]   jvm-only, not run under TeaVM: " + name
                + (n > 1 ? " (" + n + " invocations)" : "")));
        discoveredOnly.forEach(name -> System.out.println("[teavm-tests]   jvm-only, not run under TeaVM: "
                + name));
    }

    // ---- 2. generate plain Java calls ----

    private String writeRegistrar(Path sources, Class<?> testClass, List<InvocationRecorder.Recorded> recorded)
            throws IOException {
        String pkg = testClass.getPackageName();
        String simple = "TeaVmCases_" + testClass.getName().substring(pkg.isEmpty() ? 0 : pkg.length() + 1)
                .replace('$', '_');
        String type = testClass.getCanonicalName();
        if (type == null || Modifier.isPrivate(testClass.getModifiers())) {
            problems.add(testClass.getName() + ": test class must not be private or anonymous");
            return pkg + "." + simple;
        }
        List<String> statements = new ArrayList<>();
        InvocationRecorder.ClassLifecycle lifecycle = InvocationRecorder.LIFECYCLES.get(testClass);
        statements.add("suite.testClass(" + str(testClass.getSimpleName()) + ", "
                + staticCalls(type, lifecycle == null ? List.of() : lifecycle.beforeAll) + ", "
                + staticCalls(type, lifecycle == null ? List.of() : lifecycle.afterAll) + ");\n");

        Map<Method, List<InvocationRecorder.Recorded>> byMethod = new LinkedHashMap<>();
        for (InvocationRecorder.Recorded r : recorded) {
            byMethod.computeIfAbsent(r.method, m -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<Method, List<InvocationRecorder.Recorded>> entry : byMethod.entrySet()) {
            Method method = entry.getKey();
            List<InvocationRecorder.Recorded> invocations = entry.getValue();
            boolean literal = invocations.stream().allMatch(r -> r.arguments.stream().allMatch(TeaVmSuiteBuilder::isLiteral));
            if (literal) {
                for (InvocationRecorder.Recorded r : invocations) {
                    List<String> args = new ArrayList<>();
                    for (int i = 0; i < r.arguments.size(); i++) {
                        args.add(literal(r.arguments.get(i), method.getParameterTypes()[i]));
                    }
                    statements.add("suite.test(" + str(r.displayName) + ", () -> "
                            + instanceCall(type, r, method.getName() + "(" + String.join(", ", args) + ")") + ");\n");
                }
            } else {
                String call = factoryCall(type, testClass, method, invocations);
                if (!call.isEmpty()) {
                    statements.add(call);
                }
            }
        }
        // A few hundred statements per method, far from the JVM's 64 KB limit on a method's code.
        StringBuilder parts = new StringBuilder();
        StringBuilder calls = new StringBuilder();
        for (int start = 0, part = 0; start < statements.size(); start += 200, part++) {
            calls.append("        part").append(part).append("(suite);\n");
            parts.append("\n    private static void part").append(part).append("(").append(SUITE_PACKAGE)
                    .append(".PortableSuite suite) {\n");
            for (String statement : statements.subList(start, Math.min(start + 200, statements.size()))) {
                parts.append("        ").append(statement);
            }
            parts.append("    }\n");
        }
        String source = "package " + pkg + ";\n\n"
                + "/** Generated by " + TeaVmSuiteBuilder.class.getName() + " from what JUnit resolved for "
                + testClass.getSimpleName() + ". Do not edit. */\n"
                + "@SuppressWarnings({\"unchecked\", \"rawtypes\"})\n"
                + "public final class " + simple + " {\n"
                + "    private " + simple + "() {\n    }\n\n"
                + "    public static void register(" + SUITE_PACKAGE + ".PortableSuite suite) {\n"
                + calls
                + "    }\n"
                + parts
                + "}\n";
        write(sources, pkg, simple, source);
        return pkg + "." + simple;
    }

    private static String staticCalls(String type, List<Method> methods) {
        if (methods.isEmpty()) {
            return "null";
        }
        return "() -> { " + methods.stream().map(m -> type + "." + m.getName() + "(); ").collect(Collectors.joining())
                + "}";
    }

    /** Instance per invocation as in JUnit's default lifecycle; {@code @AfterEach} runs even if the test fails. */
    private static String instanceCall(String type, InvocationRecorder.Recorded r, String call) {
        StringBuilder s = new StringBuilder("{ ").append(type).append(" t = new ").append(type).append("(); ");
        for (Method m : r.beforeEach) {
            s.append("t.").append(m.getName()).append("(); ");
        }
        if (r.afterEach.isEmpty()) {
            s.append("t.").append(call).append("; ");
        } else {
            s.append("try { t.").append(call).append("; } finally { ");
            for (Method m : r.afterEach) {
                s.append("t.").append(m.getName()).append("(); ");
            }
            s.append("} ");
        }
        return s.append("}").toString();
    }

    private String factoryCall(String type, Class<?> testClass, Method method,
            List<InvocationRecorder.Recorded> invocations) {
        String where = testClass.getName() + "." + method.getName();
        MethodSource source = method.getAnnotation(MethodSource.class);
        long otherSources = Stream.of(method.getAnnotations())
                .filter(a -> a.annotationType() != MethodSource.class
                        && a.annotationType().isAnnotationPresent(ArgumentsSource.class))
                .count();
        if (source == null || otherSources > 0 || method.isAnnotationPresent(ArgumentsSource.class)) {
            List<String> types = invocations.get(0).arguments.stream()
                    .map(a -> a == null ? "null" : a.getClass().getName()).collect(Collectors.toList());
            problems.add(where + ": arguments " + types + " are neither literals nor from a single @MethodSource");
            return "";
        }
        List<String> factories = new ArrayList<>();
        for (String name : source.value().length == 0 ? new String[] {""} : source.value()) {
            String factory = name.isEmpty() ? method.getName() : name;
            if (factory.contains("(")) {
                problems.add(where + ": @MethodSource factory with parameters: " + factory);
                continue;
            }
            factories.add("() -> " + (factory.contains("#") ? factory.replace('#', '.') : type + "." + factory) + "()");
        }
        Class<?>[] parameters = method.getParameterTypes();
        List<String> args = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            args.add(cast(parameters[i], "a[" + i + "]"));
        }
        String names = invocations.stream().map(r -> str(r.displayName)).collect(Collectors.joining(",\n                "));
        boolean oneArray = parameters.length == 1 && parameters[0].isArray();
        return "suite.parameterized(" + str(method.getName()) + ", new String[] {\n                " + names
                + "}, " + parameters.length + ", " + oneArray + ",\n                new "
                + SUITE_PACKAGE + ".PortableSuite.Factory[] {" + String.join(", ", factories) + "},\n                a -> "
                + instanceCall(type, invocations.get(0), method.getName() + "(" + String.join(", ", args) + ")")
                + ");\n";
    }

    private static String cast(Class<?> type, String value) {
        if (type.isPrimitive()) {
            String name = type.getName();
            return SUITE_PACKAGE + ".PortableSuite.to" + Character.toUpperCase(name.charAt(0)) + name.substring(1)
                    + "(" + value + ")";
        }
        return "(" + type.getCanonicalName() + ") " + value;
    }

    static boolean isLiteral(Object value) {
        return value == null || value instanceof String || value instanceof Character || value instanceof Boolean
                || value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long
                || value instanceof Float || value instanceof Double || value instanceof Enum
                || value instanceof BigInteger || value instanceof BigDecimal;
    }

    /** The Java expression for a value JUnit passed, exact to the bit (doubles as their IEEE bits). */
    static String literal(Object value, Class<?> parameterType) {
        if (value == null) {
            return "(" + parameterType.getCanonicalName() + ") null";
        }
        if (value instanceof String) {
            return str((String) value);
        }
        if (value instanceof Character) {
            return "(char) " + (int) (Character) value;
        }
        if (value instanceof Boolean || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Byte) {
            return "(byte) " + value;
        }
        if (value instanceof Short) {
            return "(short) " + value;
        }
        if (value instanceof Long) {
            return value + "L";
        }
        if (value instanceof Float) {
            return "Float.intBitsToFloat(0x" + Integer.toHexString(Float.floatToRawIntBits((Float) value)) + ") /* "
                    + value + " */";
        }
        if (value instanceof Double) {
            return "Double.longBitsToDouble(0x" + Long.toHexString(Double.doubleToRawLongBits((Double) value))
                    + "L) /* " + value + " */";
        }
        if (value instanceof Enum) {
            Enum<?> constant = (Enum<?>) value;
            return constant.getDeclaringClass().getCanonicalName() + "." + constant.name();
        }
        if (value instanceof BigInteger || value instanceof BigDecimal) {
            return "new " + value.getClass().getName() + "(" + str(value.toString()) + ")";
        }
        throw new IllegalArgumentException(value.getClass().getName());
    }

    /** A Java string literal; everything outside printable ASCII is a unicode escape (but CR and LF). */
    static String str(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n"); // not as a unicode escape: javac decodes those before lexing
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }

    private void writeSuite(Path sources, List<String> registrars, int expected, int jvmOnly, int disabled)
            throws IOException {
        StringBuilder calls = new StringBuilder();
        registrars.forEach(r -> calls.append("        ").append(r).append(".register(suite);\n"));
        String source = "package " + SUITE_PACKAGE + ";\n\n"
                + "/** Generated by TeaVmSuiteBuilder: the TeaVM entry point running every portable kernel test. */\n"
                + "public final class " + SUITE_CLASS + " {\n"
                + "    private " + SUITE_CLASS + "() {\n    }\n\n"
                + "    public static void main(String[] args) {\n"
                + "        PortableSuite suite = new PortableSuite(" + expected + ", " + jvmOnly + ", " + disabled + ");\n"
                + calls
                + "        suite.run();\n"
                + "    }\n}\n";
        write(sources, SUITE_PACKAGE, SUITE_CLASS, source);
    }

    private static void write(Path sources, String pkg, String simple, String source) throws IOException {
        Path file = sources.resolve(pkg.replace('.', '/')).resolve(simple + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
    }

    // ---- 3. javac, then TeaVM ----

    private static boolean javac(Path sources, Path classes) throws IOException {
        Files.createDirectories(classes);
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted()
                    .collect(Collectors.toList());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "-encoding", "UTF-8", "--release", "17", "-proc:none",
                "-nowarn"));
        args.addAll(files);
        int status = compiler.run(null, null, null, args.toArray(String[]::new));
        if (status != 0) {
            System.out.println("[teavm-tests] javac failed on the generated sources in " + sources);
            return false;
        }
        return true;
    }

    private static boolean teavm(Path classes, Path target, TeaVMOptimizationLevel level, boolean minify)
            throws Exception {
        List<File> classPath = new ArrayList<>();
        classPath.add(classes.toFile());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(new File(entry));
        }
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = classPath.get(i).toURI().toURL();
        }
        List<String> errors = new ArrayList<>();
        TeaVMToolLog log = new TeaVMToolLog() {
            @Override
            public void info(String text) {
            }

            @Override
            public void debug(String text) {
            }

            @Override
            public void warning(String text) {
                System.out.println("[teavm-tests] TeaVM warning: " + text);
            }

            @Override
            public void error(String text) {
                errors.add(text);
                System.out.println("[teavm-tests] TeaVM error: " + text);
            }

            @Override
            public void info(String text, Throwable e) {
            }

            @Override
            public void debug(String text, Throwable e) {
            }

            @Override
            public void warning(String text, Throwable e) {
                warning(text + ": " + e);
            }

            @Override
            public void error(String text, Throwable e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                error(text + ": " + trace);
            }
        };
        try (URLClassLoader loader = new URLClassLoader(urls, TeaVmSuiteBuilder.class.getClassLoader())) {
            TeaVMTool tool = new TeaVMTool();
            tool.setLog(log);
            tool.setTargetType(TeaVMTargetType.JAVASCRIPT);
            tool.setJsModuleType(JSModuleType.ES2015);
            tool.setMainClass(SUITE_PACKAGE + "." + SUITE_CLASS);
            tool.setEntryPointName("main");
            tool.setTargetDirectory(target.toFile());
            tool.setTargetFileName("kernel-tests.js");
            tool.setClassLoader(loader);
            tool.setClassPath(classPath);
            tool.setOptimizationLevel(level);
            tool.setObfuscated(minify);
            tool.setSourceMapsFileGenerated(false);
            tool.setDebugInformationGenerated(false);
            tool.generate();
            if (!tool.getProblemProvider().getSevereProblems().isEmpty()) {
                TeaVMProblemRenderer.describeProblems(tool.getDependencyInfo().getCallGraph(),
                        tool.getProblemProvider(), log);
                System.out.println("[teavm-tests] TeaVM could not compile the kernel tests. If a test reaches code"
                        + " that only exists on the JVM on purpose (files, MessageDigest, a JVM library), tag it"
                        + " @Tag(\"" + InvocationRecorder.JVM_ONLY + "\"); otherwise the kernel is not portable.");
                return false;
            }
        }
        return errors.isEmpty();
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
