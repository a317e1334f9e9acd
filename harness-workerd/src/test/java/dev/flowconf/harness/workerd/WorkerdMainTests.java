package dev.flowconf.harness.workerd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.checkout.Checkout;
import dev.flowconf.wire.RawConnection;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The command line people and scripts use, run as its own process exactly as {@code java -jar} would. */
class WorkerdMainTests {
    /** Scripts parse this first stdout line for the port. */
    private static final Pattern LISTENING =
            Pattern.compile("flowconf workers host \\(workerd\\) listening on (http://127\\.0\\.0\\.1:(\\d+))");

    @Test
    void freePortAndKeepAliveFromTheCommandLine() throws Exception {
        Process main = java("--port", "0", "--keepalive-ms", "50").start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(main.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            Matcher listening = LISTENING.matcher(String.valueOf(first));
            assertTrue(listening.matches(), "first line: " + first);
            assertTrue(Integer.parseInt(listening.group(2)) > 0, first);

            try (RawConnection http = RawConnection.request(URI.create(listening.group(1)), "GET", "/site/stream?site=b",
                    null)) {
                assertEquals(200, http.readHead().status());
                String body = http.readChunkedBody();
                assertTrue(body.contains("\n\n: keepalive\n\n"), "50 ms keep-alives in s2's pauses:\n" + body);
            }
        } finally {
            main.destroy(); // SIGTERM: WorkerdMain's shutdown hook stops workerd
            assertTrue(main.waitFor(15, TimeUnit.SECONDS), "WorkerdMain exits on SIGTERM");
        }
    }

    @Test
    void rejectsAKeepAliveOutOfRange() throws Exception {
        Process main = java("--keepalive-ms", "0").redirectErrorStream(true).start();
        String output = new String(main.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(main.waitFor(15, TimeUnit.SECONDS));
        assertEquals(2, main.exitValue(), output);
        assertTrue(output.contains("--keepalive-ms needs a whole number of milliseconds from 1 to 2147483647, got: 0"), output);
    }

    private static ProcessBuilder java(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        // What Surefire runs these tests with, as one class path: the harness's classes and what they need.
        String classPath = String.join(File.pathSeparator, System.getProperty("jdk.module.path", ""),
                System.getProperty("java.class.path"));
        ProcessBuilder command = new ProcessBuilder(java, "-D" + Checkout.ROOT_PROPERTY + "=" + Checkout.root(),
                "-cp", classPath, WorkerdMain.class.getName());
        command.command().addAll(List.of(args));
        return command.redirectError(ProcessBuilder.Redirect.INHERIT);
    }
}
