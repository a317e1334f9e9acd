package dev.flowconf.kernel.http;

import dev.flowconf.kernel.json.Utf8;

/**
 * One header field occurrence. A lone UTF-16 surrogate in a name or value becomes U+FFFD, as it
 * would had the field arrived as UTF-8 bytes (META-HEADERS-2): JSON can only carry it so, and two
 * names that differ only in their lone surrogates are then one name everywhere, in `http.headers`
 * keys as in the rules that read headers. (Jetty and the Fetch API never hand such strings over; a
 * fuzzer did.)
 */
public final class Header {
    private final String name;
    private final String value;

    public Header(String name, String value) {
        this.name = Utf8.wellFormed(name);
        this.value = Utf8.wellFormed(value);
    }

    public String name() { return name; }
    public String value() { return value; }
}
