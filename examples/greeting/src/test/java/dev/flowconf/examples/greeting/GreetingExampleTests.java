package dev.flowconf.examples.greeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.checkout.Checkout;
import dev.flowconf.harness.workerd.RunningWorkerd;
import dev.flowconf.harness.workerd.WorkerdHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example end to end, as a user would run it: its bundle and nodes on the reference host (--bundle, --nodes),
 * its TeaVM-built Worker in real workerd, and the suite's runner replaying the example's own goldens
 * (--goldens examples/greeting/goldens) against both. The same goldens against a host that serves something else
 * fail, so they are really checked.
 */
class GreetingExampleTests {
    private static final Path ROOT = Checkout.root();
    private static final Path EXAMPLE = ROOT.resolve("examples/greeting");
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    @Test
    void bothHostsServeTheExampleAndPassItsGoldens() throws Exception {
        Process reference = java(List.of("-cp", ROOT.resolve("reference-host/target/reference-host.jar") + ":"
                        + EXAMPLE.resolve("target/classes"), "dev.flowconf.reference.ReferenceHostMain",
                "--bundle", EXAMPLE.resolve("src/main/flow/greeting.bundle.json").toString(),
                "--nodes", GreetingNodes.class.getName(), "--port", "0", "--keepalive-ms", "50"), dir.resolve("reference.log"));
        try (RunningWorkerd workers = WorkerdHarness.forModuleDir(EXAMPLE.resolve("target/worker"))
                .withKeepAliveMillis(50).start()) {
            String referenceUrl = awaitUrl(reference, dir.resolve("reference.log"));
            Run run = suite("--target", "reference=" + referenceUrl, "--target", "workers=" + workers.baseUrl());
            assertEquals(0, run.exit(), run.output());
            assertTrue(run.output().contains("3 cases × 2 hosts"), run.output());
            assertTrue(run.output().contains("conformance: 6 passed, 0 expected failures (XFAIL), 0 failed"), run.output());
        } finally {
            reference.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theGoldensFailAgainstAHostThatServesSomethingElse() throws Exception {
        // The repository's own Workers host: SPEC.md's routes, no /greet.
        try (RunningWorkerd shipped = WorkerdHarness.forModuleDir(WorkerdHarness.defaultModuleDir())
                .withKeepAliveMillis(50).start()) {
            Run run = suite("--target", "shipped=" + shipped.baseUrl());
            assertEquals(1, run.exit(), run.output());
            assertTrue(run.output().contains("conformance: 0 passed, 0 expected failures (XFAIL), 3 failed"), run.output());
        }
    }

    private record Run(int exit, String output) {}

    private Run suite(String... targets) throws Exception {
        List<String> args = new ArrayList<>(List.of("-jar", ROOT.resolve("conformance/target/flowconf.jar").toString(),
                "run", "--goldens", EXAMPLE.resolve("goldens").toString(), "--keepalive-ms", "50", "--no-progress",
                "--max-time", "120"));
        args.addAll(List.of(targets));
        Path log = dir.resolve("suite-" + System.nanoTime() + ".log");
        Process process = java(args, log);
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the suite did not end:\n" + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Process java(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        return builder.start();
    }

    private static String awaitUrl(Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(log));
            if (m.find()) return m.group(1);
            if (!process.isAlive()) throw new AssertionError("the reference host exited:\n" + Files.readString(log));
            Thread.sleep(50);
        }
        throw new AssertionError("the reference host did not start:\n" + Files.readString(log));
    }
}
