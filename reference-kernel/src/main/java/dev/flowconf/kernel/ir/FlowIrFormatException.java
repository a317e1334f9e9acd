package dev.flowconf.kernel.ir;

/** A Flow IR document that does not have the upstream format's shape. */
public final class FlowIrFormatException extends Exception {
    public FlowIrFormatException(String message) {
        super(message);
    }
}
