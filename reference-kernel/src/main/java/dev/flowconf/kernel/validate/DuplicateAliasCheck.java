package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.NodeIR;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** DAG205: edges and surfaces address nodes by alias, so an alias must name one node. */
final class DuplicateAliasCheck implements FlowCheck {
    @Override
    public void check(FlowIndex flow, List<Diagnostic> out) {
        Set<String> seen = new HashSet<>();
        for (NodeIR node : flow.flow.nodes()) {
            // One diagnostic per repeat, as upstream: the first occurrence is not reported.
            if (!seen.add(node.alias())) {
                out.add(new Diagnostic("DAG205", "node alias `" + node.alias() + "` is used by more than one node",
                        node.alias()));
            }
        }
    }
}
