package dev.flowconf.workers;

/** Renders a throwable and its causes as one string, for a single console.error call. */
final class StackTraces {
    private StackTraces() {}

    static String render(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t != failure) {
                text.append("\nCaused by: ");
            }
            text.append(t);
            StackTraceElement[] frames = t.getStackTrace();
            if (frames != null) {
                for (StackTraceElement frame : frames) {
                    text.append("\n    at ").append(frame);
                }
            }
        }
        return text.toString();
    }
}
