package dev.flowconf.kernel.json;

import java.util.Comparator;

/**
 * Orders strings as Rust's {@code String} does: by Unicode code point (the same as comparing UTF-8
 * bytes), with a proper prefix first. Java's {@code compareTo} compares UTF-16 units, which puts
 * supplementary characters (surrogates D800-DFFF) before U+E000-U+FFFF; moving the surrogates
 * above every other unit before comparing fixes that. Lone surrogates get a consistent place too.
 */
final class CodePointOrder implements Comparator<String> {
    static final CodePointOrder INSTANCE = new CodePointOrder();

    private CodePointOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return rank(x) - rank(y);
            }
        }
        return a.length() - b.length();
    }

    private static int rank(char c) {
        if (c < 0xD800) {
            return c;
        }
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
