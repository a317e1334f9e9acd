package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.FlowIR;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The structural checks upstream's validator ({@code kernel-plan::validate}) runs before a flow
 * may execute. Every check runs, and all diagnostics come back together in upstream's order:
 * check family by family, and within a family in declaration order of nodes, edges and surfaces.
 * An empty list means the flow is valid.
 *
 * <p>Portable: compiled by TeaVM as well, so java.lang and java.util only.
 */
public final class FlowValidator {
    /** Upstream's order. To add a check, add its family here, where upstream runs it. */
    private static final List<FlowCheck> CHECKS = List.of(
            new DuplicateAliasCheck(),   // DAG205
            new TriggerCountCheck(),     // DAG104
            new EdgeReferenceCheck(),    // DAG202
            new CycleCheck(),            // DAG200
            new PortTypeCheck(),         // DAG201
            new IdempotencyKeyCheck(),   // DAG004
            new EffectHintCheck(),       // EFFECT201
            new DeterminismHintCheck(),  // DET302
            new ExactlyOnceCheck(),      // EXACT001–003
            new EdgeTimeoutCheck(),      // CTRL101
            new BufferSizeCheck(),       // CTRL102
            new SpillCheck(),            // SPILL001–002
            new IfSurfaceCheck(),        // CTRL120–122
            new SwitchSurfaceCheck(),    // CTRL110–112
            new ReservedSurfaceCheck()); // CTRL130–132

    private FlowValidator() {}

    /** All problems found, in upstream's order; empty when the flow is valid. Unmodifiable. */
    public static List<Diagnostic> validate(FlowIR flow) {
        FlowIndex index = new FlowIndex(flow);
        List<Diagnostic> out = new ArrayList<>();
        for (FlowCheck check : CHECKS) check.check(index, out);
        return Collections.unmodifiableList(out);
    }
}
