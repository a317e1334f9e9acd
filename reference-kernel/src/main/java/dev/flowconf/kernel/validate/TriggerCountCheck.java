package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.NodeIR;
import dev.flowconf.kernel.ir.NodeKind;
import dev.flowconf.kernel.json.JsonValue;
import java.util.List;

/** DAG104: several trigger nodes are allowed only when the flow opts in through its lint policy. */
final class TriggerCountCheck implements FlowCheck {
    @Override
    public void check(FlowIndex flow, List<Diagnostic> out) {
        int triggers = 0;
        for (NodeIR node : flow.flow.nodes()) {
            if (node.kind() == NodeKind.TRIGGER) triggers++;
        }
        if (triggers > 1 && !allowsMultipleTriggers(flow.flow.policies())) {
            out.add(new Diagnostic("DAG104", "flow has " + triggers
                    + " trigger nodes; set policies.lint.allow_multiple_triggers to true to allow more than one",
                    null));
        }
    }

    // Absent (the usual case: the field is omitted unless set) means false.
    private static boolean allowsMultipleTriggers(JsonValue policies) {
        JsonValue allow = JsonFields.get(JsonFields.get(policies, "lint"), "allow_multiple_triggers");
        return allow != null && allow.isBoolean() && allow.asBoolean();
    }
}
