package dev.flowconf.kernel.json;

/**
 * A syntax error with serde_json's {@code Display} text, e.g.
 * {@code trailing characters at line 1 column 5}. Line and column count bytes as serde does:
 * lines start after LF only, and the column is the number of bytes between the start of the line
 * and the error index.
 */
public final class JsonParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int line;
    private final int column;

    public JsonParseException(String reason, int line, int column) {
        super(reason + " at line " + line + " column " + column);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** The message without the position suffix, e.g. {@code trailing characters}. */
    public String reason() {
        return reason;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
