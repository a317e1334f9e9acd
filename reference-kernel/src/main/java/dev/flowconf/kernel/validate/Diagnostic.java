package dev.flowconf.kernel.validate;

/**
 * One problem {@link FlowValidator} found in a flow: an upstream registry code (e.g. {@code DAG205}),
 * our own English message, and what it is about. Upstream's message texts are not reproduced; only
 * the codes and the order they come in are upstream's.
 */
public final class Diagnostic {
    private final String code;
    private final String message;
    private final String subject;

    public Diagnostic(String code, String message, String subject) {
        if (code == null || message == null) throw new NullPointerException("code and message are required");
        this.code = code;
        this.message = message;
        this.subject = subject;
    }

    /** The upstream registry code, e.g. {@code DAG205}. */
    public String code() { return code; }

    public String message() { return message; }

    /** The node alias, the edge as {@code from->to}, or the control surface id; null for the whole flow. */
    public String subject() { return subject; }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Diagnostic)) return false;
        Diagnostic that = (Diagnostic) other;
        return code.equals(that.code) && message.equals(that.message)
                && (subject == null ? that.subject == null : subject.equals(that.subject));
    }

    @Override
    public int hashCode() {
        return 31 * (31 * code.hashCode() + message.hashCode()) + (subject == null ? 0 : subject.hashCode());
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
