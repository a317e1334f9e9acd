package dev.flowconf.kernel.teavm;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The build log's account of what goes to TeaVM, what is left to Surefire, and what stops the build. */
final class DiscoveryReport {
    private DiscoveryReport() {
    }

    static void print(DiscoveredSuite discovered, PrintStream out) {
        List<InvocationRecorder.Recorded> jvmOnly = discovered.jvmOnly();
        out.println("[teavm-tests] JUnit resolved " + discovered.invocations.size() + " test invocations in "
                + discovered.testClassCount() + " classes: " + discovered.portable().size()
                + " go to TeaVM, " + jvmOnly.size() + " are tagged jvm-only; " + discovered.discoveredOnly.size()
                + " Jazzer fuzz tests (or tests of other engines), all jvm-only, were discovered and left to"
                + " Surefire; "
                + discovered.skippedByJunit.size()
                + " tests or containers were skipped by JUnit itself (@Disabled, conditions)");
        Map<String, Long> counts = jvmOnly.stream().collect(Collectors.groupingBy(
                r -> r.testClass.getSimpleName() + "." + r.method.getName(), LinkedHashMap::new, Collectors.counting()));
        counts.forEach((name, n) -> out.println("[teavm-tests]   jvm-only, not run under TeaVM: " + name
                + (n > 1 ? " (" + n + " invocations)" : "")));
        discovered.discoveredOnly.forEach(name -> out.println("[teavm-tests]   jvm-only, not run under TeaVM: "
                + name));
    }

    static void printProblems(List<String> problems, PrintStream out) {
        out.println("[teavm-tests] These kernel tests cannot be run by the generated TeaVM runner:");
        problems.forEach(p -> out.println("[teavm-tests]   " + p));
        out.println("[teavm-tests] Make them portable, or tag them @Tag(\"" + InvocationRecorder.JVM_ONLY
                + "\") with a comment saying why they only make sense on the JVM.");
    }
}
