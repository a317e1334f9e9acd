package dev.flowconf.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.kernel.catalog.S6SpillFlow;
import dev.flowconf.kernel.catalog.ShippedFlows;
import dev.flowconf.kernel.exec.ExecutionError;
import dev.flowconf.kernel.exec.FlowRuntime;
import dev.flowconf.kernel.exec.Invocation;
import dev.flowconf.kernel.exec.MemoryStores;
import dev.flowconf.kernel.exec.Resources;
import dev.flowconf.kernel.exec.SpillStore;
import dev.flowconf.kernel.json.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSpillStoreTests {
    @TempDir
    Path root;

    @Test
    void writesOneFilePerPayloadInATierDirectoryAndDeletesItWhenRead() throws Exception {
        SpillStore.Tier tier = new FileSpillStore(root).open("flow-1", "local");
        tier.write("a.json", "{\"x\":1}".getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> dirs = Files.list(root)) {
            Path dir = dirs.findFirst().orElseThrow();
            assertTrue(dir.getFileName().toString().startsWith("lf-spill-flow-1-local-"), dir.toString());
            assertTrue(Files.exists(dir.resolve("a.json")));
            assertArrayEquals("{\"x\":1}".getBytes(StandardCharsets.UTF_8), tier.take("a.json"));
            assertTrue(Files.notExists(dir.resolve("a.json")), "a read payload is deleted");
        }
        assertThrows(NoSuchFileException.class, () -> tier.take("a.json"));
    }

    @Test
    void s6SpillsLargePayloadsToDiskAndStillAcknowledgesEveryItem() throws Exception {
        FileSpillStore files = new FileSpillStore(root);
        int[] writes = {0};
        SpillStore counting = (flowId, tierName) -> {
            SpillStore.Tier tier = files.open(flowId, tierName);
            return new SpillStore.Tier() {
                @Override
                public void write(String key, byte[] payload) throws Exception {
                    writes[0]++;
                    tier.write(key, payload);
                }

                @Override
                public byte[] take(String key) throws Exception {
                    return tier.take(key);
                }
            };
        };
        FlowRuntime runtime = FlowRuntime.builder(S6SpillFlow.flow(), ShippedFlows.registry())
                .resources(Resources.none().withBlob(new MemoryStores.Blob()))
                .spillStore(counting)
                .build();
        String big = "x".repeat(600); // the prepare → store payload passes the 512-byte threshold
        String result = runtime.execute(Invocation.of("trigger", "capture", JsonParser.parse(
                "{\"batch_id\":\"b-1\",\"items\":[\"" + big + "\",\"y\"]}")).withDeadlineMillis(2000)).value().toString();
        assertEquals("[{\"batch_id\":\"b-1\",\"item\":\"" + big + "\",\"stored\":true},"
                + "{\"batch_id\":\"b-1\",\"item\":\"y\",\"stored\":true}]", result);
        assertEquals(1, writes[0], "the batch went through a file");
        try (Stream<Path> dirs = Files.list(root)) {
            java.util.List<Path> tierDirs = dirs.toList();
            assertEquals(1, tierDirs.size(), "the local tier got its directory");
            try (Stream<Path> left = Files.list(tierDirs.get(0))) {
                assertEquals(0, left.count(), "and the file is gone once read");
            }
        }
    }

    @Test
    void anUnusableRootIsSpillSetup() throws Exception {
        Path file = Files.writeString(root.resolve("not-a-dir"), "");
        FlowRuntime runtime = FlowRuntime.builder(S6SpillFlow.flow(), ShippedFlows.registry())
                .resources(Resources.none().withBlob(new MemoryStores.Blob()))
                .spillStore(new FileSpillStore(file))
                .build();
        ExecutionError e = assertThrows(ExecutionError.class, () -> runtime.execute(Invocation.of("trigger", "capture",
                JsonParser.parse("{\"batch_id\":\"b\",\"items\":[]}"))));
        assertEquals(ExecutionError.Kind.SPILL_SETUP, e.kind());
    }
}
