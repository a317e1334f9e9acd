package dev.flowconf.harness.workerd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/** Where things live in a flowconf checkout: the repository root, the npm-installed workerd, the built Worker. */
final class Checkout {
    static final String ROOT_PROPERTY = "flowconf.root";
    private static final String SETUP_HINT =
            "run ci/setup (it runs `npm ci` in harness-workerd) to install workerd from package-lock.json";

    private Checkout() {}

    /** The first directory holding harness-workerd/package.json, above -Dflowconf.root, then above the working dir. */
    static Path root() throws IOException {
        String configured = System.getProperty(ROOT_PROPERTY);
        Path workingDir = Paths.get("").toAbsolutePath();
        if (configured != null && !configured.isBlank()) {
            Path found = rootAbove(Paths.get(configured).toAbsolutePath().normalize());
            if (found != null) {
                return found;
            }
        }
        Path found = rootAbove(workingDir);
        if (found == null) {
            throw new IOException("cannot find the flowconf checkout (a directory holding harness-workerd/package.json)"
                    + " above " + workingDir + (configured == null ? "" : " or " + configured)
                    + "; run from inside it or set -D" + ROOT_PROPERTY + "=<checkout>");
        }
        return found;
    }

    private static Path rootAbove(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("harness-workerd").resolve("package.json"))) {
                return dir;
            }
        }
        return null;
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
