package dev.flowconf.kernel.exec;

/**
 * Where payloads go when a spill-enabled edge overflows. A host that has one (the JVM host: files)
 * supports `spill_tier`; a host without one (the Workers host) rejects such flows with
 * UnsupportedSpill, as upstream's wasm build does.
 */
public interface SpillStore {
    /** Prepares storage for one tier of one flow; failure is upstream's SpillSetup error. */
    Tier open(String flowId, String tier) throws Exception;

    interface Tier {
        void write(String key, byte[] payload) throws Exception;

        /** Reads and removes the payload. */
        byte[] take(String key) throws Exception;
    }
}
