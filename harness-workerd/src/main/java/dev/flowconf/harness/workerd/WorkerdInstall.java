package dev.flowconf.harness.workerd;

import dev.flowconf.checkout.Checkout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Where the checkout keeps the npm-installed workerd and the built Worker. */
final class WorkerdInstall {
    private static final String SETUP_HINT =
            "run ci/setup (it runs `npm ci` in harness-workerd) to install workerd from package-lock.json";

    private WorkerdInstall() {}

    private static Path root() throws IOException {
        try {
            return Checkout.find(Path.of(""), WorkerdInstall.class);
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The native workerd binary from the platform package (@cloudflare/workerd-linux-64 etc.), spawned directly
     * so that SIGTERM reaches workerd itself. The npm wrapper (node_modules/.bin/workerd, a Node script unless
     * the postinstall script replaced it by a hard link to the native binary) is only the fallback, for a platform
     * whose package name we do not derive.
     */
    static Path workerdBinary() throws IOException {
        Path nodeModules = root().resolve("harness-workerd").resolve("node_modules");
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Path nativeBinary = nodeModules.resolve("@cloudflare").resolve("workerd-" + platform())
                .resolve("bin").resolve(windows ? "workerd.exe" : "workerd");
        if (Files.isExecutable(nativeBinary)) {
            return nativeBinary;
        }
        Path wrapper = nodeModules.resolve(".bin").resolve(windows ? "workerd.cmd" : "workerd");
        if (Files.isExecutable(wrapper)) {
            return wrapper;
        }
        throw new IOException("workerd is not installed: neither " + nativeBinary + " nor " + wrapper
                + " exists; " + SETUP_HINT);
    }

    /** npm's platform package suffix: linux-64, linux-arm64, darwin-64, darwin-arm64, windows-64. */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osPart = os.startsWith("mac") || os.startsWith("darwin") ? "darwin"
                : os.startsWith("windows") ? "windows" : "linux";
        String archPart = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "64";
        return osPart + "-" + archPart;
    }

    /** host-workers/target/worker, the directory the host-workers build assembles. */
    static Path builtWorkerModule() throws IOException {
        return root().resolve("host-workers").resolve("target").resolve("worker");
    }
}
