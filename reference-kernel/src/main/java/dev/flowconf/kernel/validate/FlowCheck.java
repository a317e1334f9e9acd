package dev.flowconf.kernel.validate;

import java.util.List;

/** One family of validator checks; {@link FlowValidator} runs them in upstream's order. */
interface FlowCheck {
    /** Appends what this family finds, in upstream's order within the family. */
    void check(FlowIndex flow, List<Diagnostic> out);
}
