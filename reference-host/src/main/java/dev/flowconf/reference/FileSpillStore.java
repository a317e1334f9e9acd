package dev.flowconf.reference;

import dev.flowconf.kernel.exec.SpillStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Spill on the JVM profile, as upstream's native build does it: one temporary directory per tier
 * (`lf-spill-<flow id>-<tier>-…`), one `<key>` file per spilled payload, deleted once read back.
 */
final class FileSpillStore implements SpillStore {
    private final Path root;

    /** @param root where tier directories are made (the system temp directory in production) */
    FileSpillStore(Path root) {
        this.root = root;
    }

    @Override
    public Tier open(String flowId, String tier) throws IOException {
        Path dir = Files.createTempDirectory(root, "lf-spill-" + flowId + "-" + tier + "-");
        dir.toFile().deleteOnExit();
        return new Tier() {
            @Override
            public void write(String key, byte[] payload) throws IOException {
                Files.write(dir.resolve(key), payload);
            }

            @Override
            public byte[] take(String key) throws IOException {
                Path file = dir.resolve(key);
                byte[] payload = Files.readAllBytes(file);
                Files.delete(file);
                return payload;
            }
        };
    }
}
