package dev.flowconf.kernel.http;

import dev.flowconf.kernel.error.ErrorEnvelope;
import dev.flowconf.kernel.exec.ExecutionError;
import dev.flowconf.kernel.exec.ExecutionResult;
import dev.flowconf.kernel.exec.Invocation;
import dev.flowconf.kernel.json.JsonNull;
import dev.flowconf.kernel.json.JsonParseException;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonValue;
import dev.flowconf.kernel.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps HTTP onto flows exactly as SPEC.md says, for every host: route selection, body to payload,
 * metadata, value result to JSON, errors to the envelope (or one SSE `error` event).
 */
public final class FlowHttpHost implements HttpHost {
    private static final String JSON = "application/json";

    private final List<FlowRoute> routes;

    public FlowHttpHost(List<FlowRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String method = RequestMetadata.normalizeMethod(request.method());
        FlowRoute route = null;
        List<String> allowed = new ArrayList<>();
        for (FlowRoute r : routes) {
            if (!r.path().equals(request.path())) continue;
            allowed.add(r.method());
            if (r.method().equals(method)) {
                route = r;
                break;
            }
        }
        if (route == null) {
            if (allowed.isEmpty()) return envelope(ErrorEnvelope.routeNotFound(), false);
            HttpResponse r = envelope(ErrorEnvelope.methodNotAllowed(), false);
            return withHeader(r, "allow", String.join(", ", allowed));
        }
        // Only a matched route reads the body, so bad JSON to an unknown path is a 404.
        JsonValue payload;
        try {
            payload = request.body().length == 0 ? JsonNull.INSTANCE : JsonParser.parse(request.body());
        } catch (JsonParseException e) {
            return envelope(ErrorEnvelope.invalidJson(e), false);
        }
        Invocation invocation = route.invocationFor(payload);
        RequestMetadata.fill(invocation.metadata(), request, method);
        try {
            ExecutionResult result = route.runtime().execute(invocation);
            return new HttpResponse(200, List.of(new Header("content-type", JSON)),
                    JsonWriter.toBytes(result.value()));
        } catch (ExecutionError e) {
            return envelope(ErrorEnvelope.of(e), RequestMetadata.wantsEventStream(request));
        }
    }

    /** 500 `body_read failed: <cause>`, for an adapter whose platform could not read the body. */
    public static HttpResponse bodyReadFailure(String cause) {
        return envelope(ErrorEnvelope.bodyReadFailed(cause), false);
    }

    /**
     * The envelope as JSON with its status, or, for a client that accepts text/event-stream, as a
     * 200 event stream holding exactly one `error` event with the same object.
     */
    private static HttpResponse envelope(ErrorEnvelope envelope, boolean asEventStream) {
        byte[] json = JsonWriter.toBytes(envelope.body());
        if (!asEventStream) {
            return new HttpResponse(envelope.status(), List.of(new Header("content-type", JSON)), json);
        }
        byte[] event = ("event: error\ndata: " + new String(json, StandardCharsets.UTF_8) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
        return new HttpResponse(200, List.of(
                new Header("content-type", "text/event-stream"),
                new Header("cache-control", "no-cache")), event);
    }

    private static HttpResponse withHeader(HttpResponse r, String name, String value) {
        List<Header> headers = new ArrayList<>(r.headers());
        headers.add(new Header(name, value));
        return new HttpResponse(r.status(), headers, r.body());
    }
}
