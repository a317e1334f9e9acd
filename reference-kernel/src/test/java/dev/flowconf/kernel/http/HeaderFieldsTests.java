package dev.flowconf.kernel.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.kernel.catalog.ShippedCatalog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A request's header fields listed by the host, or looked up by a platform (the Workers host reads the Fetch API's
 * {@code Headers} by name): the kernel asks only through {@link HeaderFields}, so both kinds answer alike.
 */
class HeaderFieldsTests {
    private final HttpHost host = ShippedCatalog.host();

    /**
     * Fields as the Fetch API keeps them, and what was asked: names lower-cased, repeated fields joined with ", " in
     * one entry, iteration in name order; {@code get} by name, ASCII case ignored.
     */
    private static final class FetchLikeLookup extends HeaderFields {
        final Map<String, String> byName = new java.util.TreeMap<>();
        final List<String> asked = new ArrayList<>();
        int listed;

        FetchLikeLookup(Header... fields) {
            for (Header h : fields) byName.merge(h.name().toLowerCase(Locale.ROOT), h.value(), (a, b) -> a + ", " + b);
        }

        @Override
        public String get(String name) {
            asked.add(name);
            return byName.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public int sectionLength() { // as the Workers host counts a Fetch header list: its entries, joined
            int length = 0;
            for (Map.Entry<String, String> e : byName.entrySet()) length += e.getKey().length() + e.getValue().length() + 4;
            return length;
        }

        @Override
        public Header[] all() {
            listed++;
            return byName.entrySet().stream().map(e -> new Header(e.getKey(), e.getValue())).toArray(Header[]::new);
        }
    }

    private static HttpRequest request(String method, String path, String query, HeaderFields fields, String body) {
        return new HttpRequest(method, path, query, fields,
                RequestBody.of(body.getBytes(StandardCharsets.UTF_8)), null);
    }

    /** Status, first header's value and body, with /meta's run id (a fresh UUID per run) left out. */
    private static String answer(HttpResponse r) {
        String body = new String(r.body(), StandardCharsets.UTF_8).replaceAll("\"lf.run_id\":\"[^\"]*\"", "\"lf.run_id\"");
        return r.status() + " " + r.headers().get(0).value() + " " + body;
    }

    @Test
    void listedFieldsAreReadByNameJoinedAndCountedAsSpecSays() {
        HeaderFields listed = HeaderFields.of(new Header[] {
                new Header("Host", "localhost"), new Header("x-a", ""), new Header("X-A", "1")});

        assertEquals("localhost", listed.get("host"));
        assertEquals(", 1", listed.get("x-a"), "every field of the name, in order, as Headers.get joins them");
        assertNull(listed.get("accept"));
        assertEquals((4 + 9 + 4) + (3 + 0 + 4) + (3 + 1 + 4), listed.sectionLength());
        assertFalse(listed.isEmpty());
        assertTrue(HeaderFields.of(new Header[0]).isEmpty());
        assertEquals(0, HeaderFields.of(new Header[0]).sectionLength());
    }

    @Test
    void aSectionPastTheIntRangeSaturatesInsteadOfWrapping() {
        String big = "v".repeat(1 << 20);
        Header[] fields = new Header[2100];
        java.util.Arrays.fill(fields, new Header("x", big));

        assertEquals(Integer.MAX_VALUE, HeaderFields.of(fields).sectionLength());
    }

    @Test
    void aLookedUpRequestIsReadByNameAndListedOnlyWhenHttpHeadersIsRead() {
        FetchLikeLookup echo = new FetchLikeLookup(new Header("host", "h"), new Header("content-type", "application/json"));
        HttpResponse s1 = host.handle(request("POST", "/echo", null, echo, "{\"value\":\"  HeLLo  \"}"));
        assertEquals("200 application/json {\"value\":\"hello\"}", answer(s1));
        assertTrue(echo.asked.contains("host") && echo.asked.contains("x-request-id"), echo.asked.toString());
        assertEquals(0, echo.listed, "S1 reads no http.headers");

        FetchLikeLookup meta = new FetchLikeLookup(new Header("host", "h"), new Header("x-b", "2"));
        host.handle(request("GET", "/meta", null, meta, ""));
        assertTrue(meta.listed > 0, "/meta reads http.headers");
    }

    @Test
    void listedAndLookedUpFieldsGiveTheSameAnswers() {
        Header[] fields = {
                new Header("host", "example.test"), new Header("x-request-id", "r1"), new Header("X-Request-Id", "r2"),
                new Header("x-auth-user", "{\"id\":7}"), new Header("x-event-id", "e"), new Header("x-idempotency-key", "k"),
                new Header("accept", "text/event-stream"), new Header("z-last", "z")};
        Header[] sorted = new FetchLikeLookup(fields).all(); // the order a Fetch header list iterates in
        String[][] requests = {{"GET", "/meta", "a=1", ""}, {"POST", "/echo", null, "{\"value\":\" X \"}"},
                {"POST", "/echo", null, "{}"}};
        List<String> answers = new ArrayList<>();
        for (String[] r : requests) {
            String listed = answer(host.handle(request(r[0], r[1], r[2], HeaderFields.of(sorted), r[3])));
            String lookedUp = answer(host.handle(request(r[0], r[1], r[2], new FetchLikeLookup(fields), r[3])));
            assertEquals(listed, lookedUp, r[0] + " " + r[1] + " " + r[3]);
            answers.add(lookedUp);
        }
        assertTrue(answers.get(0).contains("\"lf.request_id\":\"r1, r2\""), answers.get(0));
        assertTrue(answers.get(2).startsWith("200 text/event-stream event: error"), answers.get(2));
    }

    @Test
    void aHeaderSectionPastTheLimitIsRefusedWhicheverTheKind() {
        Header[] fields = {new Header("x-long", "a".repeat(FlowHttpHost.MAX_HEADER_BYTES))};
        HttpResponse listed = host.handle(request("GET", "/health", null, HeaderFields.of(fields), ""));
        HttpResponse lookedUp = host.handle(request("GET", "/health", null, new FetchLikeLookup(fields), ""));

        assertEquals(431, listed.status());
        assertEquals(answer(listed), answer(lookedUp));
    }
}
