package dev.flowconf.kernel.exec;

/** A blob capability (`resource::blob::*`): bytes by key. */
public interface BlobStore {
    /** The stored bytes, or null. */
    byte[] get(String key);

    void put(String key, byte[] bytes);

    /** Removes the key; false when it was absent. */
    boolean delete(String key);
}
