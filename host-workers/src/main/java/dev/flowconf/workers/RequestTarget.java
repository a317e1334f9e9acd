package dev.flowconf.workers;

/**
 * Finds the raw query in a serialized URL. JS {@code URL.search} is "" both without a query and for a
 * bare '?', while the kernel must tell them apart (null vs ""), so the query is read from the href text.
 * Plain indexOf, no regex: java.util.regex would more than double the TeaVM bundle.
 */
final class RequestTarget {
    private RequestTarget() {}

    /**
     * The path of a serialized absolute URL (what {@code new URL(href).pathname} gives, without making a URL):
     * from the first '/' after "scheme://authority" to the first '?' or '#'; "/" when there is none.
     */
    static String path(String href) {
        int scheme = href.indexOf("://");
        int start = href.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        if (start < 0) {
            return "/";
        }
        int end = href.length();
        for (int i = start; i < end; i++) {
            char c = href.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
            }
        }
        return href.substring(start, end);
    }

    /** The text between '?' and '#' (or the end); null when the URL has no '?' before any '#'. */
    static String rawQuery(String href) {
        int question = href.indexOf('?');
        if (question < 0) {
            return null;
        }
        int hash = href.indexOf('#');
        if (hash >= 0 && hash < question) {
            return null; // the '?' belongs to the fragment
        }
        return hash < 0 ? href.substring(question + 1) : href.substring(question + 1, hash);
    }
}
