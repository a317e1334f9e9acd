package dev.flowconf.kernel.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The shipped flow ids are upstream's UUID v5 of `<name>:<version>` (TeaVM has no SHA-1, so they are constants). */
@Tag("jvm-only") // java.security.MessageDigest
class FlowIdTests {
    private static final UUID DNS = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    static UUID v5(UUID namespace, String name) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        ByteBuffer ns = ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        h[6] = (byte) ((h[6] & 0x0f) | 0x50);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }

    @Test
    void latticeFlowNamespaceMatchesUpstream() throws Exception {
        assertEquals("49263c8a-3401-5cd3-a0bb-f2e85e9875d3", v5(DNS, "lattice.flow").toString());
    }

    @Test
    void shippedFlowIdsAreDerivedFromNameAndVersion() throws Exception {
        UUID lattice = v5(DNS, "lattice.flow");
        for (dev.flowconf.kernel.ir.FlowIR flow : ShippedFlows.all()) {
            assertEquals(v5(lattice, flow.name() + ":" + flow.version()).toString(), flow.id(), flow.name());
        }
        // The four upstream values the reference lists for the examples.
        assertEquals("2d25af79-7d05-5ede-b8e3-b3698f01adf5", S4PreflightFlow.ID);
        assertEquals("46d6e4de-06d8-549b-99c1-faf7981fc91c", S6SpillFlow.ID);
    }
}
