package dev.flowconf.kernel.http;

import dev.flowconf.kernel.exec.CancellationToken;
import java.util.ArrayList;
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
    private final List<Header> headers;
    private final byte[] body;
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
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.headers = Collections.unmodifiableList(new ArrayList<>(headers));
        this.body = body;
        this.client = client;
    }

    /** Null when the host does not watch its client during value runs. */
    public CancellationToken client() { return client; }

    public String method() { return method; }
    public String path() { return path; }
    public String rawQuery() { return rawQuery; }
    public List<Header> headers() { return headers; }
    public byte[] body() { return body; }

    /**
     * The named header as the Fetch API's {@code Headers.get} gives it, and so as a Worker sees it: the values of
     * every field of that name, in order, joined with ", " (SPEC.md META-HEADERS-1); null when there is none.
     * Taking only the first field would make a host that passes fields one by one disagree with the Workers host.
     */
    public String header(String name) {
        String joined = null;
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                joined = joined == null ? h.value() : joined + ", " + h.value();
            }
        }
        return joined;
    }
}
