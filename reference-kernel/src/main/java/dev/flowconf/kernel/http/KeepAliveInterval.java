package dev.flowconf.kernel.http;

/**
 * The SSE keep-alive interval (SPEC.md SSE-KEEPALIVE-1) as a person sets it: a command-line option of the
 * reference host or the workerd harness, or the Workers host's text binding. One rule for all of them.
 */
public final class KeepAliveInterval {
    /** The longest delay a JavaScript timer takes, so the Workers host can honour any value this accepts. */
    public static final long MAX_MILLIS = Integer.MAX_VALUE;

    private KeepAliveInterval() {}

    /**
     * A whole number of milliseconds from 1 to {@link #MAX_MILLIS}, white space around it allowed.
     *
     * @param setting what the person wrote it in (an option or a binding name), for the message
     * @throws IllegalArgumentException naming {@code setting}, the accepted range and the text
     */
    public static long parseMillis(String text, String setting) {
        String digits = text.trim();
        if (isDigits(digits) && digits.length() <= 10) { // ten digits at most: the long below cannot overflow
            long millis = Long.parseLong(digits);
            if (millis >= 1 && millis <= MAX_MILLIS) {
                return millis;
            }
        }
        throw new IllegalArgumentException(setting + " needs a whole number of milliseconds from 1 to " + MAX_MILLIS
                + ", got: " + text);
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) return false;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') return false;
        }
        return true;
    }
}
