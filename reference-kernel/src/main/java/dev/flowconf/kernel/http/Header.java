package dev.flowconf.kernel.http;

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
        this.name = wellFormed(name);
        this.value = wellFormed(value);
    }

    private static String wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) return replaceLoneSurrogates(s);
        }
        return s;
    }

    private static String replaceLoneSurrogates(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    public String name() { return name; }
    public String value() { return value; }
}
