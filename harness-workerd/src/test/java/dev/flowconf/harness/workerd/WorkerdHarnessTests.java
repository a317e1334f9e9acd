package dev.flowconf.harness.workerd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.checkout.Checkout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real workerd from npm on the real host-workers build: no mocks. */
class WorkerdHarnessTests {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path moduleDir;

    @BeforeAll
    static void findBuiltWorkerAndReportItsSize() throws IOException {
        moduleDir = WorkerdHarness.defaultModuleDir();
        byte[] bundle = Files.readAllBytes(moduleDir.resolve("flowconf-host.js"));
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(bundle);
        }
        System.out.printf("TeaVM bundle flowconf-host.js: %,d bytes raw, %,d bytes gzip%n",
                bundle.length, gzipped.size());
    }

    @Test
    void servesTheBuiltWorkerWhichAnswersS1Exactly() throws Exception {
        try (RunningWorkerd workerd = WorkerdHarness.forModuleDir(moduleDir).start()) {
            System.out.printf("workerd cold start (spawn -> first answer): %d ms%n", workerd.startupTime().toMillis());

            // SPEC.md ECHO-1: the value trimmed and lower-cased, compact JSON; a non-ASCII letter proves UTF-8 both ways.
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(workerd.baseUrl().resolve("/echo"))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"value\":\"  HeLLo ÉTÉ  \"}", StandardCharsets.UTF_8))
                    .timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            String context = "\nworkerd log:\n" + RunningWorkerd.tail(workerd.logFile());
            assertEquals(200, response.statusCode(), "status" + context);
            assertEquals("application/json", response.headers().firstValue("content-type").orElse(null),
                    "content-type" + context);
            assertEquals("{\"value\":\"hello été\"}", response.body(), "body" + context);
        }
    }

    @Test
    void closeStopsWorkerdAndFreesThePort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        RunningWorkerd workerd = WorkerdHarness.forModuleDir(moduleDir).withPort(port).start();
        assertEquals(port, workerd.port());
        assertEquals("http://127.0.0.1:" + port, workerd.baseUrl().toString());

        workerd.close();
        workerd.close(); // idempotent

        assertThrows(ConnectException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        }, "nothing listens on " + port + " after close()");
        try (ServerSocket rebound = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, rebound.getLocalPort());
        }
        assertTrue(Files.isRegularFile(workerd.logFile()), "the log outlives the process");
    }

    @Test
    void startFailsClearlyForAMissingModuleDir(@TempDir Path temp) {
        Path missing = temp.resolve("no-such-worker");
        IOException failure = assertThrows(IOException.class, () -> WorkerdHarness.forModuleDir(missing).start());
        assertTrue(failure.getMessage().contains("no Worker module directory at " + missing), failure.getMessage());
    }

    @Test
    void startFailsClearlyWhenThePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            IOException failure = assertThrows(IOException.class,
                    () -> WorkerdHarness.forModuleDir(moduleDir).withPort(taken.getLocalPort()).start());
            assertTrue(failure.getMessage().contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use"),
                    failure.getMessage());
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void startFailsWithTheLogTailWhenWorkerdExits(@TempDir Path temp) throws IOException {
        Path fake = temp.resolve("fake-workerd");
        Files.writeString(fake, "#!/bin/sh\necho 'fake workerd: cannot serve'\nexit 3\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));

        IOException failure = assertThrows(IOException.class,
                () -> WorkerdHarness.forModuleDir(moduleDir).withWorkerdBinary(fake).start());
        assertTrue(failure.getMessage().contains("exited with code 3"), failure.getMessage());
        assertTrue(failure.getMessage().contains("fake workerd: cannot serve"), failure.getMessage());
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void spawnsTheNativeBinaryNotTheNodeWrapper() throws IOException {
        Path binary = WorkerdInstall.workerdBinary();
        assertTrue(binary.endsWith(Path.of("node_modules", "@cloudflare", "workerd-linux-64", "bin", "workerd")),
                binary.toString());
    }

    @Test
    void compatibilitySettingsComeFromWranglerToml() throws IOException {
        Path root = Checkout.root();
        WranglerCompatibility host = WranglerCompatibility.parse(
                Files.readString(root.resolve("host-workers").resolve("wrangler.toml")));
        assertEquals(host, WranglerCompatibility.HOST, "the jar's copy is the checkout's wrangler.toml");
        assertTrue(host.flags().contains("enable_request_signal"), "request.signal fires on disconnect only with it");
        String config = WorkerdConfig.render(moduleDir, 8787, 0, moduleDir);
        assertTrue(config.contains("compatibilityDate = \"" + host.date() + "\""), config);
        assertTrue(config.contains("compatibilityFlags = [\"" + String.join("\", \"", host.flags()) + "\"]"), config);
        assertEquals(host, WranglerCompatibility.parse(
                Files.readString(root.resolve("examples").resolve("greeting").resolve("wrangler.toml"))),
                "the example deploys with the host's settings, which its tests run it with");
    }

    @Test
    void wranglerRunsTheWorkerdVersionTheHarnessPins() throws IOException {
        Path root = Checkout.root();
        String harness = lockedWorkerd(root.resolve("harness-workerd").resolve("package-lock.json"));
        assertEquals(harness, lockedWorkerd(root.resolve("host-workers").resolve("package-lock.json")),
                "host-workers/package.json overrides wrangler's workerd to the harness's version");
    }

    private static String lockedWorkerd(Path lock) throws IOException {
        Matcher version = Pattern.compile("\"node_modules/workerd\": \\{\\s*\"version\": \"([^\"]+)\"")
                .matcher(Files.readString(lock));
        assertTrue(version.find(), "workerd is locked in " + lock);
        return version.group(1);
    }

    @Test
    void wranglerCompatibilityIsReadFromTheTomlAsWrangler() {
        WranglerCompatibility read = WranglerCompatibility.parse("name = \"x\"\n# compatibility_date = \"1999-01-01\"\n"
                + "compatibility_date = \"2025-09-01\"\ncompatibility_flags = [ \"a\", \"b_c\" ]\n");
        assertEquals(new WranglerCompatibility("2025-09-01", List.of("a", "b_c")), read);
        assertEquals(List.of(), WranglerCompatibility.parse("compatibility_date = \"2025-09-01\"\n").flags());
        assertThrows(IllegalArgumentException.class, () -> WranglerCompatibility.parse("name = \"x\"\n"));
    }

    @Test
    void keepAliveBindingMatchesWranglerTomlVars() throws IOException {
        List<String> toml = Files.readAllLines(Checkout.root().resolve("host-workers").resolve("wrangler.toml"));
        int vars = toml.indexOf("[vars]");
        assertTrue(vars >= 0, "wrangler.toml has a [vars] table");
        assertTrue(toml.indexOf(WorkerdConfig.KEEPALIVE_BINDING + " = \"15000\"") > vars,
                "wrangler.toml sets " + WorkerdConfig.KEEPALIVE_BINDING + " to SPEC's 15 s in [vars]");
    }

    @Test
    void keepAliveBecomesATextBindingOnlyWhenSet() throws IOException {
        String binding = "(name = \"FLOWCONF_KEEPALIVE_MS\", text = \"50\")";
        assertTrue(WorkerdConfig.render(moduleDir, 8787, 50, moduleDir).contains(binding));
        assertFalse(WorkerdConfig.render(moduleDir, 8787, 0, moduleDir).contains("FLOWCONF_KEEPALIVE_MS"),
                "unset: the Worker's default");
        assertThrows(IllegalArgumentException.class,
                () -> WorkerdHarness.forModuleDir(moduleDir).withKeepAliveMillis(0));
    }

    @Test
    void aModuleExportingTheSpillObjectGetsItsSqlStorageAndBindingOthersDoNot() throws IOException {
        Path withSpill = Files.createTempDirectory("flowconf-spill-module-");
        Files.writeString(withSpill.resolve(WorkerdConfig.ENTRY_MODULE),
                "export default {};\nexport class FlowconfSpill extends DurableObject {}\n");
        Path disk = withSpill.resolve("disk");
        String config = WorkerdConfig.render(withSpill, 8787, 0, disk);
        assertTrue(config.contains("(name = \"spill-disk\", disk = (path = \"" + disk + "\", writable = true))"), config);
        assertTrue(config.contains("durableObjectNamespaces = [(className = \"FlowconfSpill\", uniqueKey = "
                + "\"flowconf-spill\", enableSql = true)]"), config);
        assertTrue(config.contains("durableObjectStorage = (localDisk = \"spill-disk\")"), config);
        assertTrue(config.contains("(name = \"FLOWCONF_SPILL\", durableObjectNamespace = \"FlowconfSpill\")"), config);
        Files.writeString(withSpill.resolve(WorkerdConfig.ENTRY_MODULE),
                "export default {};\nexport const FlowconfSpill = spillObjectFor(host);\n");
        assertEquals(config, WorkerdConfig.render(withSpill, 8787, 0, disk), "the class made by flowconf-spill.mjs too");
        Path withoutSpill = Files.createTempDirectory("flowconf-plain-module-");
        Files.writeString(withoutSpill.resolve(WorkerdConfig.ENTRY_MODULE), "export default { fetch() {} };\n");
        String plain = WorkerdConfig.render(withoutSpill, 8787, 0, disk);
        assertFalse(plain.contains("durableObject") || plain.contains("spill-disk"),
                "a module without the class (ci/bench's plain worker) gets no namespace, which would stop workerd");
    }

    @Test
    void spillBindingMatchesWranglerToml() throws IOException {
        String toml = Files.readString(Checkout.root().resolve("host-workers").resolve("wrangler.toml"));
        assertTrue(toml.contains("[[durable_objects.bindings]]\nname = \"" + WorkerdConfig.SPILL_BINDING
                + "\"\nclass_name = \"" + WorkerdConfig.SPILL_CLASS + "\""), "wrangler.toml binds the spill object");
        assertTrue(toml.contains("new_sqlite_classes = [\"" + WorkerdConfig.SPILL_CLASS + "\"]"),
                "wrangler.toml's migration makes it a SQLite-backed class");
    }
}
