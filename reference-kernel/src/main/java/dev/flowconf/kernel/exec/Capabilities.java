package dev.flowconf.kernel.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The capability providers a host offers (upstream ResourceBag), reduced to what preflight asks:
 * which `resource::` effect hints are satisfied.
 */
public final class Capabilities {
    public enum Provider { HTTP_READ, HTTP_WRITE, KV, BLOB, QUEUE, DEDUPE }

    private final Set<Provider> providers;

    private Capabilities(Set<Provider> providers) {
        this.providers = Collections.unmodifiableSet(providers);
    }

    public static Capabilities none() {
        return new Capabilities(new HashSet<>());
    }

    public Capabilities with(Provider provider) {
        Set<Provider> copy = new HashSet<>(providers);
        copy.add(provider);
        return new Capabilities(copy);
    }

    /** The hints from the list that no provider satisfies, sorted ascending and de-duplicated. */
    public List<String> missing(List<String> effectHints) {
        TreeSet<String> missing = new TreeSet<>();
        for (String hint : effectHints) {
            if (hint.startsWith("resource::") && !satisfies(hint)) missing.add(hint);
        }
        return new ArrayList<>(missing);
    }

    private boolean satisfies(String hint) {
        Provider needed = providerFor(hint);
        return needed != null && providers.contains(needed);
    }

    /** Upstream's fixed table; any other `resource::` hint is never satisfied. */
    private static Provider providerFor(String hint) {
        switch (hint) {
            case "resource::http::read": return Provider.HTTP_READ;
            case "resource::http::write": return Provider.HTTP_WRITE;
            case "resource::kv::read":
            case "resource::kv::write": return Provider.KV;
            case "resource::blob::read":
            case "resource::blob::write": return Provider.BLOB;
            case "resource::queue::publish":
            case "resource::queue::consume": return Provider.QUEUE;
            case "resource::dedupe::write": return Provider.DEDUPE;
            default: return null;
        }
    }
}
