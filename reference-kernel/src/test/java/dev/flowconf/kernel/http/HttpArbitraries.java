package dev.flowconf.kernel.http;

import dev.flowconf.kernel.json.JsonArbitraries;
import dev.flowconf.kernel.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Requests: the catalog's routes (SPEC.md §1), Fetch's method normalization, and random samples of what a host
 * hands over (methods in any case, raw queries with broken escapes, header fields, JSON bodies), drawn from a
 * {@link Random} whose seed is printed (see {@link JsonArbitraries#samples}).
 */
final class HttpArbitraries {
    /** SPEC.md §1, method and path of every route, in the order the catalog declares them. */
    static final String[][] ROUTES = {
        {"POST", "/echo"}, {"GET", "/health"}, {"POST", "/harness/echo"}, {"GET", "/stream"}, {"GET", "/cancel"},
        {"GET", "/bench/stream"}, {"GET", "/meta"}, {"POST", "/meta"}, {"POST", "/site/stream"},
        {"GET", "/site/stream"}, {"POST", "/branch"}, {"POST", "/preflight"}, {"POST", "/preflight/kv"},
        {"POST", "/unsupported"}, {"POST", "/spill"}, {"POST", "/spill/no-blob"}, {"POST", "/errors/node-failure"},
        {"POST", "/errors/missing-output"}, {"POST", "/errors/unknown-trigger"}, {"POST", "/errors/unknown-capture"},
        {"POST", "/errors/unregistered-node"}, {"POST", "/errors/invalid-switch"}, {"POST", "/errors/invalid-if"},
        {"POST", "/errors/deadline"}, {"POST", "/harness/slow"}, {"GET", "/errors/stream-item"},
        {"POST", "/errors/cancelled"}, {"POST", "/errors/unsupported-spill"},
    };
    /** Routes whose payload is their query (SPEC.md §1): they never read the body. */
    static final List<String> PAYLOAD_FROM_QUERY = List.of("GET /site/stream", "GET /bench/stream");
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

    /** One of the words with each letter in either case. */
    static String anyCase(Random random, List<String> words) {
        String word = words.get(random.nextInt(words.size()));
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            s.append(random.nextBoolean() ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return s.toString();
    }

    /** Absent (null), empty, form-encoded soups with broken escapes and invalid UTF-8 once decoded, or any text. */
    static String rawQuery(Random random) {
        if (random.nextInt(5) == 0) {
            return null;
        }
        switch (JsonArbitraries.frequency(random, 1, 6, 1)) {
            case 0:
                return "";
            case 1: {
                StringBuilder soup = new StringBuilder();
                for (int n = JsonArbitraries.size(random, 12); n > 0; n--) {
                    soup.append(JsonArbitraries.oneOf(random, "a", "b", "site", "alpha", "=", "=", "&", "&", "+",
                            "%", "%2", "%2B", "%20", "%zz", "%%", "%C3%A9", "%c3", "%ED%A0%80", "%FF", "%E0%80%80",
                            "%F4%90%80%80", "%F0%9F%98%80", "%C0%AF", "%E1%80", "é", "\ud83d\ude00", " ", "?", "#",
                            "%00", ";"));
                }
                return soup.toString();
            }
            default:
                return JsonArbitraries.string(random, 10);
        }
    }

    /** Header names the kernel reads, in odd cases, and other HTTP tokens. */
    static String tokenName(Random random) {
        switch (JsonArbitraries.frequency(random, 4, 1, 1)) {
            case 0:
                return anyCase(random, List.of("host", "x-auth-user", "x-request-id", "cf-ray", "x-event-id",
                        "x-idempotency-key", "accept", "x-custom", "x-", "user-agent", "content-type"));
            case 1:
                return token(random);
            default:
                return "x-" + token(random);
        }
    }

    private static String token(Random random) {
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~";
        StringBuilder s = new StringBuilder();
        for (int n = JsonArbitraries.between(random, 1, 10); n > 0; n--) {
            s.append(chars.charAt(random.nextInt(chars.length())));
        }
        return s.toString();
    }

    /** Valid Unicode values (as a host hands them over): any text, JSON for x-auth-user, SSE accept values. */
    static String headerValue(Random random) {
        switch (JsonArbitraries.frequency(random, 3, 2, 1)) {
            case 0:
                return JsonArbitraries.string(random, 12);
            case 1:
                return JsonWriter.toJson(JsonArbitraries.value(random, PAYLOAD_DEPTH));
            default:
                return JsonArbitraries.oneOf(random, "", "text/event-stream", "text/plain, text/event-stream;q=0.9",
                        "{\"sub\":\"user-1\",\"email\":\"a@b\"}", "{\"sub\":1}", "null", "not json", "{\"sub\":");
        }
    }

    /** Up to 8 fields with token names, repeated names included (the names are few). */
    static List<Header> tokenHeaders(Random random) {
        List<Header> headers = new ArrayList<>();
        for (int n = JsonArbitraries.size(random, 8); n > 0; n--) {
            headers.add(new Header(tokenName(random), headerValue(random)));
        }
        return headers;
    }

    /** Empty, or JSON of any shape. */
    static byte[] jsonBody(Random random) {
        return random.nextBoolean() ? new byte[0]
                : JsonWriter.toBytes(JsonArbitraries.value(random, PAYLOAD_DEPTH));
    }
}
