package dev.flowconf.kernel.http;

import dev.flowconf.kernel.exec.CancellationToken;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A platform-neutral HTTP request, as a host adapter hands it to the kernel.
 * Header names are kept as received; lookups ignore ASCII case.
 */
public final class HttpRequest {
    private final String method;
    private final String path;
    private final String rawQuery;
    private final HeaderFields fields;
    /** The read-only list view {@link #headers()} gives, made on first call: most requests are never asked. */
    private List<Header> headers;
    private final RequestBody body;
    private final CancellationToken client;

    /**
     * @param rawQuery the text after '?', or null when the URL has no query component
     */
    public HttpRequest(String method, String path, String rawQuery, List<Header> headers, byte[] body) {
        this(method, path, rawQuery, headers, body, null);
    }

    /**
     * @param client a token the host cancels when it notices the client went away (null: never)
     */
    public HttpRequest(String method, String path, String rawQuery, List<Header> headers, byte[] body,
                       CancellationToken client) {
        this(method, path, rawQuery, headers, RequestBody.of(body), client);
    }

    /**
     * @param body what the adapter read: the bytes, or {@link RequestBody#tooLarge()} when it stopped at the limit
     * @param client a token the host cancels when it notices the client went away (null: never)
     */
    public HttpRequest(String method, String path, String rawQuery, List<Header> headers, RequestBody body,
                       CancellationToken client) {
        this(method, path, rawQuery, headers.toArray(new Header[headers.size()]), body, client);
    }

    /**
     * @param fields the header fields in order; the request keeps this array, so the caller must not change it
     *     (an adapter that builds the array itself spares a copy and a list per request)
     */
    public HttpRequest(String method, String path, String rawQuery, Header[] fields, RequestBody body,
                       CancellationToken client) {
        this(method, path, rawQuery, HeaderFields.of(fields), body, client);
    }

    /**
     * @param fields the header fields, listed or looked up by the platform (the Workers host: {@link HeaderFields})
     */
    public HttpRequest(String method, String path, String rawQuery, HeaderFields fields, RequestBody body,
                       CancellationToken client) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.fields = fields;
        this.body = body;
        this.client = client;
    }

    private HttpRequest(HttpRequest request, CancellationToken client) {
        this.method = request.method;
        this.path = request.path;
        this.rawQuery = request.rawQuery;
        this.fields = request.fields;
        this.body = request.body;
        this.client = client;
    }

    /** The same request, with a token the host cancels when the client leaves. */
    public HttpRequest withClient(CancellationToken clientGone) {
        return new HttpRequest(this, clientGone);
    }

    /** Null when the host does not watch its client during value runs. */
    public CancellationToken client() { return client; }

    public String method() { return method; }
    public String path() { return path; }
    public String rawQuery() { return rawQuery; }
    public List<Header> headers() {
        // Two threads may both make one on the JVM: equal read-only views of the same fields, either will do.
        if (headers == null) headers = Collections.unmodifiableList(Arrays.asList(fields.all()));
        return headers;
    }

    /** Whether the request has no header field at all. */
    public boolean hasNoHeaders() { return fields.isEmpty(); }
    public RequestBody body() { return body; }

    /**
     * The size of the header fields as SPEC.md LIMIT-HEADERS-1 counts it: the characters of each
     * field's name and value as the adapter handed them over (octets, for ASCII) plus 4 (`: ` and CRLF).
     */
    public int headerSectionLength() {
        return fields.sectionLength();
    }

    /**
     * The named header as the Fetch API's {@code Headers.get} gives it, and so as a Worker sees it: the values of
     * every field of that name, in order, joined with ", " (SPEC.md META-HEADERS-1); null when there is none.
     */
    public String header(String name) {
        return fields.get(name);
    }
}
