package dev.flowconf.kernel.exec;

import java.util.ArrayList;
import java.util.TreeSet;
import java.util.List;

/**
 * The capability providers a host hands a flow (upstream ResourceBag). Preflight asks it which
 * `resource::` effect hints are satisfied; nodes reach the providers through their context.
 */
public final class Resources {
    private final KeyValueStore kv;
    private final BlobStore blob;

    private Resources(KeyValueStore kv, BlobStore blob) {
        this.kv = kv;
        this.blob = blob;
    }

    public static Resources none() {
        return new Resources(null, null);
    }

    public Resources withKv(KeyValueStore store) {
        return new Resources(store, blob);
    }

    public Resources withBlob(BlobStore store) {
        return new Resources(kv, store);
    }

    /** Null when no KV provider is bound. */
    public KeyValueStore kv() { return kv; }

    /** Null when no blob provider is bound. */
    public BlobStore blob() { return blob; }

    /** The hints from the list that no provider satisfies, sorted ascending and de-duplicated. */
    public List<String> missing(List<String> effectHints) {
        TreeSet<String> missing = new TreeSet<>();
        for (String hint : effectHints) {
            if (hint.startsWith("resource::") && !satisfies(hint)) missing.add(hint);
        }
        return new ArrayList<>(missing);
    }

    /**
     * Upstream's fixed table. flowconf has no HTTP, queue or dedupe providers, so those hints (and
     * any hint not in the table) are always missing.
     */
    private boolean satisfies(String hint) {
        switch (hint) {
            case "resource::kv::read":
            case "resource::kv::write":
                return kv != null;
            case "resource::blob::read":
            case "resource::blob::write":
                return blob != null;
            default:
                return false;
        }
    }
}
