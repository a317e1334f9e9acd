package dev.flowconf.workers;

import dev.flowconf.workers.strings.LinearMemoryBytes;
import org.teavm.classlib.PlatformDetector;
import org.teavm.jso.typedarrays.Int8Array;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * Bytes between JavaScript's typed arrays and Java's byte[], on either of TeaVM's backends. TeaVM's JavaScript backs a
 * byte[] with an Int8Array, so there both ways adopt the storage, with no copy. Its Wasm GC backend keeps a byte[] in
 * WebAssembly's own heap, where no JavaScript view can reach (it rejects TeaVM's by-reference arrays at build time),
 * so there each way copies once. TeaVM decides the branch while it compiles: each build has one. Public for
 * {@code measure.MinimalS1}, which ci/bench builds on both backends too.
 */
public final class JavaBytes {
    private JavaBytes() {}

    /** The bytes of a signed view, as a byte[]. */
    public static byte[] of(Int8Array bytes) {
        if (!PlatformDetector.isWebAssemblyGC()) {
            return bytes.toJavaArray();
        }
        byte[] copied = LinearMemoryBytes.of(bytes); // one import call; null past the scratch area's 64 KiB
        return copied != null ? copied : bytes.copyToJavaArray();
    }

    /** A Uint8Array with the byte[]'s bytes (what the Response and the spill object take). */
    static Uint8Array view(byte[] bytes) {
        Int8Array signed = PlatformDetector.isWebAssemblyGC() ? Int8Array.copyFromJavaArray(bytes)
            : Int8Array.fromJavaArray(bytes);
        return new Uint8Array(signed.getBuffer(), signed.getByteOffset(), signed.getLength());
    }
}
