package dev.flowconf.harness.workerd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Workers host's spill storage (SPEC.md SPILL-HOST-1) in real workerd with its SQLite-backed Durable Object on
 * local disk: the module's own storage functions (FetchHandler.spillWrite/spillTake) behind a test Worker
 * (src/test/resources/spill-worker) that writes and reads payloads of chosen sizes and shows the SQL rows.
 */
class SpillStorageTests {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** DurableSpillStorage.CHUNK_BYTES: Cloudflare allows 2 MB per row, key and value together. */
    private static final int ROW_LIMIT = 1 << 20;
    private static final Pattern CHUNK = Pattern.compile("\"seq\":(\\d+),\"bytes\":(\\d+)");

    @TempDir
    Path moduleDir;

    @TempDir
    Path spillDir;

    @BeforeEach
    void testWorkerWithTheBuiltModule() throws IOException {
        // The built module: its glue and the Wasm module the glue imports.
        for (String name : new String[] {"flowconf-host.js", "flowconf-host.wasm"}) {
            Files.copy(WorkerdHarness.defaultModuleDir().resolve(name), moduleDir.resolve(name));
        }
        try (var entry = SpillStorageTests.class.getResourceAsStream("/spill-worker/entry.mjs")) {
            Files.write(moduleDir.resolve("entry.mjs"), entry.readAllBytes());
        }
    }

    @Test
    void aPayloadLargerThanARowIsCutIntoRowsWithinTheLimitAndReadBackWhole() throws Exception {
        int length = 2 * ROW_LIMIT + 12_345;
        try (RunningWorkerd workerd = harness().start()) {
            assertEquals("{\"written\":true}", get(workerd, "/write?key=big&bytes=" + length));

            String rows = get(workerd, "/rows");
            Matcher chunk = CHUNK.matcher(rows);
            int count = 0;
            long total = 0;
            while (chunk.find()) {
                assertEquals(count, Integer.parseInt(chunk.group(1)), rows);
                assertTrue(Integer.parseInt(chunk.group(2)) <= ROW_LIMIT, "every row within the limit: " + rows);
                total += Integer.parseInt(chunk.group(2));
                count++;
            }
            assertEquals(3, count, rows);
            assertEquals(length, total, rows);
            assertTrue(rows.contains("\"index\":[{\"key\":\"big\",\"chunks\":3,\"bytes\":" + length + "}]"), rows);

            assertEquals("{\"taken\":" + length + "}", get(workerd, "/take?key=big"), "read back whole, every byte");
            assertEquals("{\"chunks\":[],\"index\":[]}", get(workerd, "/rows"), "taking removes the payload");
            assertEquals("{\"taken\":null}", get(workerd, "/take?key=big"));
        }
    }

    /**
     * SIGKILL while a 48-row payload is being written (its rows already in SQLite's log): after a restart on the same
     * files none of it is there, what was written before is, and the object works. workerd commits the synchronous
     * writes of one call together by itself (its implicit transaction; DurableSpillStorage makes it explicit, which
     * is why removing that alone is not caught here); what this catches is a payload written across several calls
     * or awaits, which a crash can cut.
     */
    @Test
    void aWorkerdKilledWhileWritingLeavesNoPartOfThePayloadAndTheStorageWorksAfterARestart() throws Exception {
        try (RunningWorkerd first = harness().start()) {
            assertEquals("{\"written\":true}", get(first, "/write?key=kept&bytes=1000"));
            // 48 MiB: 48 rows written in one transaction, long enough to be killed in the middle of it.
            CompletableFuture<HttpResponse<String>> writing = HTTP.sendAsync(
                    HttpRequest.newBuilder(first.baseUrl().resolve("/write?key=torn&bytes=" + 48 * ROW_LIMIT)).build(),
                    HttpResponse.BodyHandlers.ofString());
            awaitWalGrowth(8L * ROW_LIMIT);
            first.kill();
            assertFalse(writing.handle((response, failure) -> response != null).get(),
                    "the write was still going when workerd was killed");
        }
        try (RunningWorkerd second = harness().start()) {
            String rows = get(second, "/rows");
            assertFalse(rows.contains("torn"), "no row of the payload whose write was cut short: " + rows);
            assertTrue(rows.contains("{\"key\":\"kept\",\"chunks\":1,\"bytes\":1000}"), "what was written before: " + rows);
            assertEquals("{\"taken\":null}", get(second, "/take?key=torn"));
            assertEquals("{\"taken\":1000}", get(second, "/take?key=kept"));
            assertEquals("{\"written\":true}", get(second, "/write?key=after&bytes=" + (ROW_LIMIT + 1)));
            assertEquals("{\"taken\":" + (ROW_LIMIT + 1) + "}", get(second, "/take?key=after"));
        }
    }

    private WorkerdHarness harness() {
        return WorkerdHarness.forModuleDir(moduleDir).withSpillDirectory(spillDir);
    }

    /** Until the object's write-ahead log holds this much: its transaction is under way. */
    private void awaitWalGrowth(long bytes) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.walk(spillDir)) {
                long wal = files.filter(f -> f.getFileName().toString().endsWith(".sqlite-wal")
                                && !f.getFileName().toString().startsWith("metadata"))
                        .mapToLong(f -> f.toFile().length()).max().orElse(0);
                if (wal >= bytes) {
                    return;
                }
            }
            Thread.sleep(2);
        }
        throw new AssertionError("the object's log never reached " + bytes + " bytes in " + spillDir);
    }

    private static String get(RunningWorkerd workerd, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(workerd.baseUrl().resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
