package dev.flowconf.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Labels and extensions, lazy ones included, as nodes and plugins read them. */
class InvocationMetadataTests {

    @Test
    void aLazyLabelIsMadeOnceAndOnlyWhenRead() {
        AtomicInteger made = new AtomicInteger();
        InvocationMetadata metadata = new InvocationMetadata()
                .putLazyLabelIfAbsent("lf.run_id", () -> "run-" + made.incrementAndGet());
        assertEquals(0, made.get());
        assertEquals("run-1", metadata.label("lf.run_id"));
        assertEquals("run-1", metadata.label("lf.run_id"));
        assertEquals(Map.of("lf.run_id", "run-1"), metadata.labels());
        assertEquals(1, made.get());
    }

    @Test
    void ifAbsentKeepsWhatIsThereMadeOrPending() {
        InvocationMetadata metadata = new InvocationMetadata()
                .putLabel("lf.run_id", "given")
                .putLazyLabelIfAbsent("lf.run_id", () -> "drawn")
                .putLazyLabelIfAbsent("lf.flow_id", () -> "lazy")
                .putLabelIfAbsent("lf.flow_id", "eager");
        assertEquals("given", metadata.label("lf.run_id"));
        assertEquals("lazy", metadata.label("lf.flow_id"));
    }

    @Test
    void aPlainPutReplacesAPendingEntryWhoseSupplierNeverRuns() {
        InvocationMetadata metadata = new InvocationMetadata()
                .putLazyExtension("http.query", () -> { throw new AssertionError("must not run"); })
                .putExtension("http.query", JsonString.of("now"));
        assertEquals(JsonString.of("now"), metadata.extension("http.query"));
        assertEquals(Map.of("http.query", JsonString.of("now")), metadata.extensions());
    }

    @Test
    void aSupplierAnsweringNullLeavesTheEntryAbsentAndFreeToPut() {
        InvocationMetadata metadata = new InvocationMetadata().putLazyExtension("http.headers", () -> null);
        assertNull(metadata.extension("http.headers"));
        assertEquals(Map.of(), metadata.extensions());
        metadata.putLabelIfAbsent("x", "1");
        assertEquals("1", metadata.label("x"));
    }

    @Test
    void manyEntriesKeepTheirOrderAndValues() {
        InvocationMetadata metadata = new InvocationMetadata();
        for (int i = 0; i < 40; i++) {
            int n = i;
            if (i % 2 == 0) metadata.putLabel("k" + i, "v" + i);
            else metadata.putLazyLabelIfAbsent("k" + i, () -> "v" + n);
        }
        metadata.putLabel("k3", "replaced");
        List<String> keys = List.copyOf(metadata.labels().keySet());
        assertEquals(40, keys.size());
        assertEquals("k0", keys.get(0));
        assertEquals("k39", keys.get(39));
        assertEquals("replaced", metadata.label("k3"));
        assertEquals("v38", metadata.labels().get("k38"));
        assertThrows(UnsupportedOperationException.class, () -> metadata.labels().put("x", "y"));
    }

    @Test
    void extensionsKeepTheirJsonValues() {
        JsonValue user = JsonString.of("ada");
        InvocationMetadata metadata = new InvocationMetadata().putExtension("auth.user", user);
        assertEquals(user, metadata.extension("auth.user"));
        assertNull(metadata.extension("missing"));
        assertNull(metadata.label("auth.user"));
    }
}
