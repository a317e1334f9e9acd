package dev.flowconf.kernel.exec;

/** A node handler's failure; like upstream's NodeError it is just a message. */
public final class NodeError extends Exception {
    public NodeError(String message) {
        super(message);
    }
}
