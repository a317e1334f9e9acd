package dev.flowconf.workers;

import dev.flowconf.kernel.http.Header;
import dev.flowconf.kernel.http.HeaderFields;
import dev.flowconf.kernel.json.Utf8;
import dev.flowconf.workers.fetch.Headers;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSString;

/**
 * A request's header fields, read from the Fetch API's {@code Headers} as the kernel asks: by name (the platform's own
 * {@code Headers.get}, whose joining of repeated fields is the kernel's rule), their size (one pass in JavaScript), and
 * every field only when a node or plugin reads {@code http.headers}. Copying every name and value into Java up front
 * took two import calls a string and left a Java string, its array and a {@link Header} per field behind on every
 * request, where the kernel reads about seven names, most of them absent.
 */
final class FetchHeaderFields extends HeaderFields {
    private final Headers headers;
    /** Asked on every request (the limit, then whether there are any); -1 until then. */
    private int sectionLength = -1;

    FetchHeaderFields(Headers headers) {
        this.headers = headers;
    }

    @Override
    public String get(String name) {
        return get(headers, name);
    }

    /** The named header of a Fetch header list, as {@link #get(String)} reads it. */
    static String get(Headers headers, String name) {
        String value = get(headers, HeaderNames.toJs(name));
        // Fetch header values are byte strings, never a lone surrogate; as Header does, so both kinds answer alike.
        return value == null ? null : Utf8.wellFormed(value);
    }

    @Override
    public int sectionLength() {
        if (sectionLength < 0) sectionLength = sectionLength(headers);
        return sectionLength;
    }

    /** One JS array, name and value in turn, each taken as a Java string (read as a JSString, each would be wrapped). */
    @Override
    public Header[] all() {
        JSObject entries = entries(headers);
        Header[] fields = new Header[length(entries) / 2];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = new Header(entry(entries, 2 * i), entry(entries, 2 * i + 1));
        }
        return fields;
    }

    @JSBody(params = {"headers", "name"}, script = "return headers.get(name);")
    private static native String get(Headers headers, JSObject name);

    /** HeaderFields.sectionLength(Header[])'s count, saturating at the int range as it does. */
    @JSBody(params = "headers", script = "var n = 0; headers.forEach(function (v, k) { n += k.length + v.length + 4; });"
            + " return n > 2147483647 ? 2147483647 : n;")
    private static native int sectionLength(Headers headers);

    @JSBody(params = "headers", script = "var a = []; headers.forEach(function (v, k) { a.push(k, v); }); return a;")
    private static native JSObject entries(Headers headers);

    @JSBody(params = "entries", script = "return entries.length;")
    private static native int length(JSObject entries);

    @JSBody(params = {"entries", "i"}, script = "return entries[i];")
    private static native String entry(JSObject entries, int i);

    /**
     * The names the kernel asks for, as JavaScript strings made once per isolate: it asks for the same few, given as
     * Java constants, on every request, and each crossing would make a JavaScript string a request leaves behind.
     */
    static final class HeaderNames {
        private static final int KEPT = 32;
        private static final String[] names = new String[KEPT];
        private static final JSString[] jsNames = new JSString[KEPT];
        private static int kept;

        private HeaderNames() {}

        static JSString toJs(String name) {
            for (int i = 0; i < kept; i++) {
                if (names[i].equals(name)) return jsNames[i]; // the kernel's constants: equals finds them by identity
            }
            JSString made = JSString.valueOf(name);
            if (kept < KEPT) { // a name made afresh on every request would otherwise fill it; past this, made each time
                names[kept] = name;
                jsNames[kept] = made;
                kept++;
            }
            return made;
        }
    }
}
