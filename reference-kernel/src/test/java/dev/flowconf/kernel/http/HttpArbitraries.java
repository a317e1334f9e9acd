package dev.flowconf.kernel.http;

import dev.flowconf.kernel.json.JsonArbitraries;
import dev.flowconf.kernel.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik generators for requests: the catalog's own routes and payloads, and everything around them. */
final class HttpArbitraries {
    /** SPEC.md §1, method and path of every route, in the order the catalog declares them. */
    static final String[][] ROUTES = {
        {"POST", "/echo"}, {"GET", "/health"}, {"POST", "/harness/echo"}, {"GET", "/stream"}, {"GET", "/cancel"},
        {"GET", "/meta"}, {"POST", "/meta"}, {"POST", "/site/stream"}, {"GET", "/site/stream"}, {"POST", "/branch"},
        {"POST", "/preflight"}, {"POST", "/preflight/kv"}, {"POST", "/unsupported"}, {"POST", "/spill"},
        {"POST", "/spill/no-blob"}, {"POST", "/errors/node-failure"}, {"POST", "/errors/missing-output"},
        {"POST", "/errors/unknown-trigger"}, {"POST", "/errors/unknown-capture"}, {"POST", "/errors/unregistered-node"},
        {"POST", "/errors/invalid-switch"}, {"POST", "/errors/invalid-if"}, {"POST", "/errors/deadline"},
        {"POST", "/harness/slow"}, {"GET", "/errors/stream-item"}, {"POST", "/errors/cancelled"},
        {"POST", "/errors/unsupported-spill"},
    };
    static final String PROBE_PATH = "/__flowconf/runs";
    /** The six methods the Fetch standard upper-cases (ROUTE-1). */
    static final List<String> FETCH_NORMALIZED = List.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT");
    /** JSON in headers and bodies only needs to be JSON; the JSON properties go deeper. */
    static final int PAYLOAD_DEPTH = 2;

    private HttpArbitraries() {
    }

    /** Fetch's "normalize a method": an ASCII case-insensitive match of the six becomes upper case. */
    static String normalizedMethod(String method) {
        for (String m : FETCH_NORMALIZED) {
            if (asciiEqualsIgnoreCase(m, method)) {
                return m;
            }
        }
        return method;
    }

    static boolean asciiEqualsIgnoreCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (asciiLower(a.charAt(i)) != asciiLower(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** One of the words with each letter in either case, by a bit mask (no flatMap: its edge cases are costly). */
    static Arbitrary<String> anyCase(List<String> words) {
        return Combinators.combine(Arbitraries.of(words), Arbitraries.integers()).as((word, mask) -> {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                s.append((mask >> (i % 31) & 1) == 0 ? Character.toLowerCase(c) : Character.toUpperCase(c));
            }
            return s.toString();
        });
    }

    /**
     * The six in any case, other tokens, and look-alikes: U+0131 dotless i and U+017F long s upper-case to ASCII
     * I and S in Java (so "po\u017Ft" would become POST), but are not ASCII, so Fetch leaves them alone.
     */
    static Arbitrary<String> methods() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, anyCase(FETCH_NORMALIZED)),
                Tuple.of(1, Arbitraries.of("PATCH", "patch", "TRACE", "CONNECT", "FOO", "", " GET", "GET ", "G ET",
                        "po\u017Ft", "PO\u017FT", "opt\u0131ons", "OPT\u0131ONS", "option\u017F", "g\u0435t")),
                Tuple.of(1, Arbitraries.strings().withChars("gGeEtTpPoOsSuUhHaAdDlLiInN\u0131\u017F\u0130\u212A")
                        .ofMinLength(1).ofMaxLength(7)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(8)));
    }

    /** Catalog paths (most), near misses (case, trailing slash, encoding), the probe, anything. */
    static Arbitrary<String> paths() {
        Arbitrary<String> catalog = Arbitraries.of(ROUTES).map(r -> r[1]);
        return Arbitraries.frequencyOf(
                Tuple.of(8, catalog),
                Tuple.of(1, Arbitraries.just(PROBE_PATH)),
                Tuple.of(1, catalog.map(p -> p + "/")),
                Tuple.of(1, catalog.map(p -> p.toUpperCase())),
                Tuple.of(1, Arbitraries.of("", "/", "//echo", "/%65cho", "/echo?x=1", "/echo#", "echo", "/\u00e9")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(12)));
    }

    /** Absent, form-encoded soups with broken escapes and invalid UTF-8 once decoded, or any text. */
    static Arbitrary<String> rawQueries() {
        Arbitrary<String> soup = Arbitraries.of("a", "b", "site", "alpha", "=", "=", "&", "&", "+", "%", "%2", "%2B",
                "%20", "%zz", "%%", "%C3%A9", "%c3", "%ED%A0%80", "%FF", "%E0%80%80", "%F4%90%80%80", "%F0%9F%98%80",
                "%C0%AF", "%E1%80", "é", "\ud83d\ude00", " ", "?", "#", "%00", ";")
                .list().ofMaxSize(12).map(parts -> String.join("", parts));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(6, soup),
                Tuple.of(1, JsonArbitraries.strings(10)))
                .injectNull(0.2);
    }

    /** Header names the kernel reads, in odd cases, and other HTTP tokens. */
    static Arbitrary<String> tokenNames() {
        Arbitrary<String> known = anyCase(List.of("host", "x-auth-user", "x-request-id", "cf-ray", "x-event-id",
                "x-idempotency-key", "accept", "x-custom", "x-", "user-agent", "content-type"));
        Arbitrary<String> tokens = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').withChars("!#$%&'*+-.^_`|~").ofMinLength(1).ofMaxLength(10);
        return Arbitraries.frequencyOf(Tuple.of(4, known),
                Tuple.of(1, tokens), Tuple.of(1, tokens.map(t -> "x-" + t)));
    }

    /** Valid Unicode values (as a host hands them over): any text, JSON for x-auth-user, SSE accept values. */
    static Arbitrary<String> headerValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, JsonArbitraries.strings(12)),
                Tuple.of(2, JsonArbitraries.values(PAYLOAD_DEPTH).map(JsonWriter::toJson)),
                Tuple.of(1, Arbitraries.of("", "text/event-stream", "text/plain, text/event-stream;q=0.9",
                        "{\"sub\":\"user-1\",\"email\":\"a@b\"}", "{\"sub\":1}", "null", "not json", "{\"sub\":")));
    }

    static Arbitrary<List<Header>> tokenHeaders() {
        return Combinators.combine(tokenNames(), headerValues()).as(Header::new).list().ofMaxSize(8);
    }

    /** For robustness only: names and values no host would hand over too (controls, lone surrogates). */
    static Arbitrary<List<Header>> anyHeaders() {
        Arbitrary<Header> odd = Combinators.combine(Arbitraries.strings().ofMaxLength(8),
                Arbitraries.strings().ofMaxLength(16)).as(Header::new);
        return Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(tokenNames(), headerValues()).as(Header::new)),
                Tuple.of(1, odd)).list().ofMaxSize(8);
    }

    /** Empty, JSON of any shape, JSON shaped like the flows' inputs, broken JSON, and random bytes. */
    static Arbitrary<byte[]> bodies() {
        Arbitrary<String> flowShaped = Arbitraries.of(
                "{\"value\":\"  HeLLo  \"}", "{\"value\":1}", "{\"value\":\"\u0130\u03a3\"}", "{\"site\":\"alpha\"}",
                "{\"site\":1}", "{\"flag\":true,\"mode\":\"a\"}", "{\"flag\":\"yes\",\"mode\":[]}", "{\"mode\":\"b\"}",
                "{\"batch_id\":\"b\",\"items\":[]}", "{\"batch_id\":\"b\",\"items\":[1,{\"x\":[]},\"s\"]}",
                "{\"batch_id\":7,\"items\":{}}", "{}", "[]", "null", "0", "\"x\"");
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(new byte[0])),
                Tuple.of(3, flowShaped.map(s -> s.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(3, JsonArbitraries.values(PAYLOAD_DEPTH).map(JsonWriter::toBytes)),
                Tuple.of(1, JsonArbitraries.values(PAYLOAD_DEPTH).map(v -> {
                    byte[] b = JsonWriter.toBytes(v);
                    return java.util.Arrays.copyOf(b, b.length / 2); // cut short: invalid
                })),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(64)));
    }

    static Arbitrary<GeneratedRequest> requests() {
        return Combinators.combine(methods(), paths(), rawQueries(), anyHeaders(), bodies())
                .as(GeneratedRequest::new);
    }
}
