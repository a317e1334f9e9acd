package dev.flowconf.kernel.http;

/**
 * A request's header fields, as the kernel reads them: a few by name on every request (the metadata's labels, the
 * Accept rule), their size for SPEC.md LIMIT-HEADERS-1, and all of them in order only when a node or plugin reads
 * {@code http.headers}. A host hands over either every field ({@link #of}) or a platform's own lookup: the Workers
 * host reads the Fetch API's {@code Headers} by name instead of copying every field into Java, since under TeaVM
 * each field it copies crosses from JavaScript and becomes Java objects a request leaves behind.
 *
 * <p>Whatever the kind, the answers are the same: {@link #get} is the Fetch API's {@code Headers.get} (every field of
 * the name, ASCII case ignored, values joined with ", "), and {@link #sectionLength} counts each field as
 * {@link #all} lists it.
 */
public abstract class HeaderFields {

    /** The fields in order; the caller must not change the array afterwards. */
    public static HeaderFields of(Header[] fields) {
        return new Listed(fields);
    }

    /** The named header's fields' values joined with ", ", null when there is none (SPEC.md META-HEADERS-1). */
    public abstract String get(String name);

    /**
     * The size of the header fields as SPEC.md LIMIT-HEADERS-1 counts it: the characters of each field's name and
     * value plus 4 (`: ` and CRLF), {@link Integer#MAX_VALUE} when that does not fit an int.
     */
    public abstract int sectionLength();

    /** Every field in order; the caller must not change the array. */
    public abstract Header[] all();

    /** Whether there is no field at all. */
    public boolean isEmpty() {
        return sectionLength() == 0; // every field counts at least 4
    }

    /** The size {@link #sectionLength} describes, of fields given as they are. */
    static int sectionLength(Header[] fields) {
        // int, not long: TeaVM makes every long a BigInt, an allocation per header. Saturates instead of wrapping.
        int length = 0;
        for (Header h : fields) {
            length += h.name().length() + h.value().length() + 4;
            if (length < 0) return Integer.MAX_VALUE;
        }
        return length;
    }

    /**
     * Header names are ASCII tokens; comparing them this way spares TeaVM's Unicode case tables, which the first
     * equalsIgnoreCase of an isolate would load.
     */
    static boolean sameAsciiIgnoringCase(String a, String b) {
        if (a.length() != b.length()) return false;
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x == y) continue;
            if (x >= 'A' && x <= 'Z') x += 'a' - 'A';
            if (y >= 'A' && y <= 'Z') y += 'a' - 'A';
            if (x != y) return false;
        }
        return true;
    }

    /** Every field, as a host's adapter listed them. */
    private static final class Listed extends HeaderFields {
        private final Header[] fields;

        Listed(Header[] fields) {
            this.fields = fields;
        }

        /** Taking only the first field would make a host that passes fields one by one disagree with the Workers host. */
        @Override
        public String get(String name) {
            String joined = null;
            for (Header h : fields) { // indexed by the compiler: no iterator, an allocation under TeaVM
                if (sameAsciiIgnoringCase(h.name(), name)) {
                    joined = joined == null ? h.value() : joined + ", " + h.value();
                }
            }
            return joined;
        }

        @Override
        public int sectionLength() {
            return sectionLength(fields);
        }

        @Override
        public Header[] all() {
            return fields;
        }

        @Override
        public boolean isEmpty() {
            return fields.length == 0;
        }
    }
}
