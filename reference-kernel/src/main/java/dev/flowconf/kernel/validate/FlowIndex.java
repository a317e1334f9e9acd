package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.EdgeIR;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.ir.NodeIR;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A flow plus the lookups every check needs, built once per validation. */
final class FlowIndex {
    final FlowIR flow;
    private final Set<String> aliases = new HashSet<>();
    private final Map<String, NodeIR> byAlias = new HashMap<>();
    private final Set<String> edgeKeys = new HashSet<>();

    FlowIndex(FlowIR flow) {
        this.flow = flow;
        for (NodeIR node : flow.nodes()) {
            aliases.add(node.alias());
            // Upstream collects alias → node into a HashMap, so with a duplicate alias (already
            // DAG205) the last node wins; FlowIR.node() would return the first.
            byAlias.put(node.alias(), node);
        }
        for (EdgeIR edge : flow.edges()) edgeKeys.add(edgeKey(edge.from(), edge.to()));
    }

    boolean hasNode(String alias) {
        return aliases.contains(alias);
    }

    /** The node with this alias (the last one if duplicated), or null. */
    NodeIR node(String alias) {
        return byAlias.get(alias);
    }

    boolean hasEdge(String from, String to) {
        return edgeKeys.contains(edgeKey(from, to));
    }

    /** How diagnostics name an edge: {@code from->to}. */
    static String edgeName(EdgeIR edge) {
        return edgeName(edge.from(), edge.to());
    }

    static String edgeName(String from, String to) {
        return from + "->" + to;
    }

    // NUL cannot be confused with alias text, so the pair stays unambiguous.
    private static String edgeKey(String from, String to) {
        return from + '\u0000' + to;
    }
}
