package dev.flowconf.workers.strings;

import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * A request body's bytes into a Java byte[] through the string bridge's scratch area: one import call copies them into
 * the area, and Java reads them from there. Written by hand because TeaVM forces it: TeaVM 0.16's Wasm GC
 * {@code copyToJavaArray} takes a block of its linear-memory heap, looks up the {@code Int8Array} constructor by name
 * three times, makes two views and reads their properties, about a dozen import calls for a body of 21 bytes. Only the
 * Wasm GC build calls this (JavaBytes, behind TeaVM's platform check).
 */
public final class LinearMemoryBytes {
    private LinearMemoryBytes() {}

    /** The bytes as a byte[], or null when they are longer than the area (the caller copies them TeaVM's way). */
    public static byte[] of(Int8Array bytes) {
        int length = bytesIntoScratch(bytes);
        if (length < 0) {
            return null;
        }
        byte[] copy = new byte[length];
        Address at = Address.fromInt(LinearMemoryStrings.scratchAddress());
        for (int i = 0; i < length; i++) {
            copy[i] = at.add(i).getByte();
        }
        return copy;
    }

    @Import(module = "flowconfStrings", name = "bytesIntoScratch")
    private static native int bytesIntoScratch(Int8Array bytes);
}
