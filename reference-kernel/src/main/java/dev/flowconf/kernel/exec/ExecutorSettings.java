package dev.flowconf.kernel.exec;

/** Queue sizes of an executor; upstream's defaults unless a test or host chooses others. */
public final class ExecutorSettings {
    final int edgeCapacity;
    final int triggerCapacity;
    final int captureCapacity;

    private ExecutorSettings(int edgeCapacity, int triggerCapacity, int captureCapacity) {
        this.edgeCapacity = Math.max(1, edgeCapacity);
        this.triggerCapacity = Math.max(1, triggerCapacity);
        this.captureCapacity = Math.max(1, captureCapacity);
    }

    /** Edge lanes 32, trigger lanes 8, capture sink and in-flight permits 8. */
    public static ExecutorSettings defaults() {
        return new ExecutorSettings(32, 8, 8);
    }

    public ExecutorSettings withEdgeCapacity(int n) {
        return new ExecutorSettings(n, triggerCapacity, captureCapacity);
    }

    public ExecutorSettings withCaptureCapacity(int n) {
        return new ExecutorSettings(edgeCapacity, triggerCapacity, n);
    }
}
