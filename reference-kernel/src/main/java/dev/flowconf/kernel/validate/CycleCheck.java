package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.EdgeIR;
import dev.flowconf.kernel.ir.NodeIR;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DAG200: the graph must be acyclic. Reported once per flow, whatever the number of cycles, as
 * upstream does (a depth-first search from each node in declaration order, stopping at the first
 * cycle). Edges to unknown aliases stay in the graph; DAG202 reports those separately.
 */
final class CycleCheck implements FlowCheck {
    @Override
    public void check(FlowIndex flow, List<Diagnostic> out) {
        Map<String, List<String>> successors = new HashMap<>();
        for (EdgeIR edge : flow.flow.edges()) {
            List<String> next = successors.get(edge.from());
            if (next == null) {
                next = new ArrayList<>();
                successors.put(edge.from(), next);
            }
            next.add(edge.to());
        }
        Set<String> onPath = new HashSet<>();
        Set<String> done = new HashSet<>();
        for (NodeIR node : flow.flow.nodes()) {
            String entry = reachesCycle(node.alias(), successors, onPath, done);
            if (entry != null) {
                out.add(new Diagnostic("DAG200", "the graph has a cycle through node `" + entry + "`", null));
                return;
            }
        }
    }

    /** The alias where a back edge closes a cycle, or null. Flows are small, so recursion is fine. */
    private static String reachesCycle(String alias, Map<String, List<String>> successors,
                                       Set<String> onPath, Set<String> done) {
        if (onPath.contains(alias)) return alias;
        if (done.contains(alias)) return null;
        onPath.add(alias);
        List<String> next = successors.get(alias);
        if (next != null) {
            for (String to : next) {
                String entry = reachesCycle(to, successors, onPath, done);
                if (entry != null) return entry;
            }
        }
        onPath.remove(alias);
        done.add(alias);
        return null;
    }
}
