package dev.flowconf.kernel.exec;

/** Hooks run around every execution, in registration order. */
public interface EnvironmentPlugin {
    void beforeExecute(InvocationMetadata metadata, RunEnvironment environment);

    default void afterExecute(InvocationMetadata metadata, RunEnvironment environment) {}
}
