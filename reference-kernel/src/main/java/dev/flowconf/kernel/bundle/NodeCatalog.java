package dev.flowconf.kernel.bundle;

import dev.flowconf.kernel.exec.NodeRegistry;

/**
 * A user's node implementations, registered by the identifiers their bundle's nodes name. The reference host loads
 * one by class name ({@code --nodes}); a Workers project calls it from its own entry class.
 */
public interface NodeCatalog {
    void register(NodeRegistry registry);
}
