package dev.flowconf.kernel.exec;

/** Queue sizes of an executor; upstream's defaults unless a test or host chooses others. */
public final class ExecutorSettings {
    final int edgeCapacity;
    final int triggerCapacity;
    final int captureCapacity;
    final boolean straightLinesInline;

    private ExecutorSettings(int edgeCapacity, int triggerCapacity, int captureCapacity, boolean straightLinesInline) {
        this.edgeCapacity = Math.max(1, edgeCapacity);
        this.triggerCapacity = Math.max(1, triggerCapacity);
        this.captureCapacity = Math.max(1, captureCapacity);
        this.straightLinesInline = straightLinesInline;
    }

    /**
     * Edge lanes 32, trigger lanes 8, capture sink and in-flight permits 8; straight lines of non-blocking
     * nodes run on the invoking thread.
     */
    public static ExecutorSettings defaults() {
        return new ExecutorSettings(32, 8, 8, true);
    }

    public ExecutorSettings withEdgeCapacity(int n) {
        return new ExecutorSettings(n, triggerCapacity, captureCapacity, straightLinesInline);
    }

    public ExecutorSettings withCaptureCapacity(int n) {
        return new ExecutorSettings(edgeCapacity, triggerCapacity, n, straightLinesInline);
    }

    /** false: every flow runs a task per node, as upstream does (tests compare both ways). */
    public ExecutorSettings withStraightLinesInline(boolean inline) {
        return new ExecutorSettings(edgeCapacity, triggerCapacity, captureCapacity, inline);
    }
}
