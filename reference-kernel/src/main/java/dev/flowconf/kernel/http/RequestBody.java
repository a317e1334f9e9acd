package dev.flowconf.kernel.http;

/**
 * A request body as a host adapter read it: its bytes, or only the fact that it is longer than
 * {@link FlowHttpHost#MAX_BODY_BYTES} (SPEC.md LIMIT-BODY-1), in which case the adapter stopped
 * reading and kept nothing. The kernel answers such a request 413 once a route matched.
 */
public final class RequestBody {
    private static final RequestBody TOO_LARGE = new RequestBody(null);
    private static final RequestBody EMPTY = new RequestBody(new byte[0]);

    private final byte[] bytes;

    private RequestBody(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The body an adapter read; more than the limit (an adapter reads at most one byte past it) is too large. */
    public static RequestBody of(byte[] bytes) {
        if (bytes.length == 0) return EMPTY;
        return bytes.length > FlowHttpHost.MAX_BODY_BYTES ? TOO_LARGE : new RequestBody(bytes);
    }

    /** A body the adapter did not read because its declared length already passed the limit. */
    public static RequestBody tooLarge() {
        return TOO_LARGE;
    }

    /** Whether a declared length (Content-Length; -1 when there is none) alone passes the limit. */
    public static boolean exceedsLimit(long declaredLength) {
        return declaredLength > FlowHttpHost.MAX_BODY_BYTES;
    }

    /**
     * The same for a Content-Length header's text (null when absent). Text that is not a decimal
     * number says nothing (false): the platform has already refused such a request, or reading decides.
     */
    public static boolean exceedsLimit(String contentLength) {
        if (contentLength == null || contentLength.isEmpty()) return false;
        for (int i = 0; i < contentLength.length(); i++) {
            char c = contentLength.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        // More digits than a long holds is more than the limit too.
        if (contentLength.length() > 18) return true;
        // Counted in an int, not parsed as a long: TeaVM makes a long a BigInt, and this runs for every request.
        int start = 0;
        while (start < contentLength.length() - 1 && contentLength.charAt(start) == '0') start++;
        if (contentLength.length() - start > 9) return true; // the limit has 7 digits; 9 fit in an int
        int length = 0;
        for (int i = start; i < contentLength.length(); i++) length = 10 * length + (contentLength.charAt(i) - '0');
        return length > FlowHttpHost.MAX_BODY_BYTES;
    }

    public boolean isTooLarge() {
        return bytes == null;
    }

    /** The bytes; there are none to give for a body that was too large. */
    public byte[] bytes() {
        if (bytes == null) throw new IllegalStateException("the body passed the limit and was not kept");
        return bytes;
    }
}
