package dev.flowconf.kernel.teavm;

import static dev.flowconf.kernel.teavm.JavaLiterals.cast;
import static dev.flowconf.kernel.teavm.JavaLiterals.literal;
import static dev.flowconf.kernel.teavm.JavaLiterals.str;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Step 2 of the TeaVM run: turns what JUnit resolved into plain Java calls. One registrar class per test class, in
 * the test's package (so package-private tests are reachable), makes exactly the recorded calls: literal arguments
 * for {@code @CsvSource}/{@code @ValueSource}-style sources; {@code @MethodSource} factories that produce objects
 * are called under TeaVM and their count checked against the JVM's. A main class hands them to
 * {@link PortableSuite}.
 */
final class SuiteSourceGenerator {
    static final String SUITE_PACKAGE = "dev.flowconf.kernel.teavm";
    static final String SUITE_CLASS = "GeneratedKernelSuite";
    static final String REGISTRAR_PREFIX = "TeaVmCases_";
    /** A few hundred statements per method, far from the JVM's 64 KB limit on a method's code. */
    private static final int STATEMENTS_PER_METHOD = 200;

    private final DiscoveredSuite discovered;
    private final List<String> problems = new ArrayList<>();

    private SuiteSourceGenerator(DiscoveredSuite discovered) {
        this.discovered = discovered;
    }

    static GeneratedSources generate(DiscoveredSuite discovered) {
        return new SuiteSourceGenerator(discovered).generate();
    }

    private GeneratedSources generate() {
        List<InvocationRecorder.Recorded> portable = discovered.portable();
        Map<Class<?>, List<InvocationRecorder.Recorded>> byClass = new LinkedHashMap<>();
        for (InvocationRecorder.Recorded r : portable) {
            byClass.computeIfAbsent(r.testClass, c -> new ArrayList<>()).add(r);
        }
        List<JavaSource> sources = new ArrayList<>();
        List<String> registrars = new ArrayList<>();
        for (Map.Entry<Class<?>, List<InvocationRecorder.Recorded>> entry : byClass.entrySet()) {
            Class<?> testClass = entry.getKey();
            String pkg = testClass.getPackageName();
            String simple = REGISTRAR_PREFIX + testClass.getName().substring(pkg.isEmpty() ? 0 : pkg.length() + 1)
                    .replace('$', '_');
            registrars.add(pkg + "." + simple);
            if (testClass.getCanonicalName() == null || Modifier.isPrivate(testClass.getModifiers())) {
                problems.add(testClass.getName() + ": test class must not be private or anonymous");
                continue;
            }
            sources.add(new JavaSource(pkg, simple, registrar(simple, testClass, entry.getValue())));
        }
        sources.add(new JavaSource(SUITE_PACKAGE, SUITE_CLASS, suite(registrars, portable.size(),
                discovered.jvmOnly().size(), discovered.skippedByJunit.size())));
        return new GeneratedSources(sources, problems);
    }

    private String registrar(String simple, Class<?> testClass, List<InvocationRecorder.Recorded> recorded) {
        String type = testClass.getCanonicalName();
        List<String> statements = new ArrayList<>();
        InvocationRecorder.ClassLifecycle lifecycle = discovered.lifecycles.get(testClass);
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
            boolean literal = invocations.stream()
                    .allMatch(r -> r.arguments.stream().allMatch(JavaLiterals::isLiteral));
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
        StringBuilder parts = new StringBuilder();
        StringBuilder calls = new StringBuilder();
        for (int start = 0, part = 0; start < statements.size(); start += STATEMENTS_PER_METHOD, part++) {
            calls.append("        part").append(part).append("(suite);\n");
            parts.append("\n    private static void part").append(part).append("(").append(SUITE_PACKAGE)
                    .append(".PortableSuite suite) {\n");
            for (String statement
                    : statements.subList(start, Math.min(start + STATEMENTS_PER_METHOD, statements.size()))) {
                parts.append("        ").append(statement);
            }
            parts.append("    }\n");
        }
        return "package " + testClass.getPackageName() + ";\n\n"
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

    /** A parameterized test whose arguments are objects: its {@code @MethodSource} factories run under TeaVM. */
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

    private static String suite(List<String> registrars, int expected, int jvmOnly, int disabled) {
        StringBuilder calls = new StringBuilder();
        registrars.forEach(r -> calls.append("        ").append(r).append(".register(suite);\n"));
        return "package " + SUITE_PACKAGE + ";\n\n"
                + "/** Generated by TeaVmSuiteBuilder: the TeaVM entry point running every portable kernel test. */\n"
                + "public final class " + SUITE_CLASS + " {\n"
                + "    private " + SUITE_CLASS + "() {\n    }\n\n"
                + "    public static void main(String[] args) {\n"
                + "        PortableSuite suite = new PortableSuite(" + expected + ", " + jvmOnly + ", " + disabled + ");\n"
                + calls
                + "        suite.run();\n"
                + "    }\n}\n";
    }
}
