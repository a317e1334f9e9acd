package dev.flowconf.kernel.exec;

import java.util.List;

/**
 * Every way an execution can fail (upstream ExecutionError). {@link #getMessage()} is the kernel's
 * own Display text, which hosts send for failed stream items; the HTTP envelope uses its own
 * strings (see {@code dev.flowconf.kernel.error.ErrorEnvelope}).
 */
public final class ExecutionError extends Exception {
    public enum Kind {
        UNKNOWN_TRIGGER, UNKNOWN_CAPTURE, CANCELLED, DEADLINE_EXCEEDED, MISSING_OUTPUT, NODE_FAILED,
        UNREGISTERED_NODE, MISSING_CAPABILITIES, UNSUPPORTED_CONTROL_SURFACE, INVALID_CONTROL_SURFACE,
        UNSUPPORTED_SPILL, SPILL_SETUP
    }

    private final Kind kind;
    /** Node alias, node identifier, surface id, or spill message, depending on the kind. */
    private final String subject;
    /** Node error message, surface kind, or spill setup error, depending on the kind. */
    private final String detail;
    private final String reason;
    private final List<String> hints;
    private final long elapsedMillis;

    private ExecutionError(Kind kind, String subject, String detail, String reason, List<String> hints,
                           long elapsedMillis, String display) {
        super(display);
        this.kind = kind;
        this.subject = subject;
        this.detail = detail;
        this.reason = reason;
        this.hints = hints;
        this.elapsedMillis = elapsedMillis;
    }

    private static ExecutionError of(Kind kind, String subject, String detail, String display) {
        return new ExecutionError(kind, subject, detail, null, List.of(), 0, display);
    }

    public static ExecutionError unknownTrigger(String alias) {
        return of(Kind.UNKNOWN_TRIGGER, alias, null, "trigger alias `" + alias + "` is not part of the workflow");
    }

    public static ExecutionError unknownCapture(String alias) {
        return of(Kind.UNKNOWN_CAPTURE, alias, null, "capture alias `" + alias + "` is not part of the workflow");
    }

    public static ExecutionError cancelled() {
        return of(Kind.CANCELLED, null, null, "execution cancelled");
    }

    public static ExecutionError deadlineExceeded(long elapsedMillis) {
        return new ExecutionError(Kind.DEADLINE_EXCEEDED, null, null, null, List.of(), elapsedMillis,
                "deadline exceeded after " + elapsedMillis + "ms");
    }

    public static ExecutionError missingOutput(String alias) {
        return of(Kind.MISSING_OUTPUT, alias, null, "capture `" + alias + "` did not yield an output");
    }

    public static ExecutionError nodeFailed(String alias, String message) {
        return of(Kind.NODE_FAILED, alias, message, "node `" + alias + "` failed: " + message);
    }

    public static ExecutionError unregisteredNode(String identifier) {
        return of(Kind.UNREGISTERED_NODE, identifier, null, "no handler registered for node `" + identifier + "`");
    }

    /** @param hints already sorted ascending and de-duplicated */
    public static ExecutionError missingCapabilities(List<String> hints) {
        StringBuilder debug = new StringBuilder("[");
        for (int i = 0; i < hints.size(); i++) {
            if (i > 0) debug.append(", ");
            debug.append('"').append(hints.get(i)).append('"');
        }
        debug.append(']');
        return new ExecutionError(Kind.MISSING_CAPABILITIES, null, null, null, List.copyOf(hints), 0,
                "missing required capabilities: " + debug);
    }

    public static ExecutionError unsupportedControlSurface(String id, String surfaceKind) {
        return of(Kind.UNSUPPORTED_CONTROL_SURFACE, id, surfaceKind,
                "control surface `" + id + "` (" + surfaceKind + ") is not supported by this runtime");
    }

    public static ExecutionError invalidControlSurface(String id, String surfaceKind, String reason) {
        return new ExecutionError(Kind.INVALID_CONTROL_SURFACE, id, surfaceKind, reason, List.of(), 0,
                "invalid control surface `" + id + "` (" + surfaceKind + "): " + reason);
    }

    public static ExecutionError unsupportedSpill(String message) {
        return of(Kind.UNSUPPORTED_SPILL, message, null, "spill configuration is not supported: " + message);
    }

    public static ExecutionError spillSetup(String error) {
        return of(Kind.SPILL_SETUP, null, error, "failed to configure spill storage: " + error);
    }

    public Kind kind() { return kind; }
    /** The node alias (node failed, unknown trigger/capture, missing output). */
    public String alias() { return subject; }
    /** The node identifier (unregistered node). */
    public String identifier() { return subject; }
    /** The control surface id. */
    public String surfaceId() { return subject; }
    /** The control surface kind. */
    public String surfaceKind() { return detail; }
    /** The node error message (node failed) or the spill setup error. */
    public String nodeMessage() { return detail; }
    /** The unsupported-spill message. */
    public String spillMessage() { return subject; }
    public String invalidReason() { return reason; }
    public List<String> hints() { return hints; }
    public long elapsedMillis() { return elapsedMillis; }
}
