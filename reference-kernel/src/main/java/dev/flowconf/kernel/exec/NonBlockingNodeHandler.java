package dev.flowconf.kernel.exec;

/**
 * A {@link NodeHandler} that never waits (see {@link NodeRegistry#registerNonBlocking}). A type of its own so that
 * the inline path, which calls only these, never calls a handler that may block: TeaVM compiles a method that may
 * call a blocking one into a resumable state machine, several times its size, and the inline path runs on every
 * Workers request.
 */
@FunctionalInterface
public interface NonBlockingNodeHandler extends NodeHandler {}
