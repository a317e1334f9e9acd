package dev.flowconf.kernel.http;

import dev.flowconf.kernel.error.ErrorEnvelope;
import dev.flowconf.kernel.exec.CancellationToken;
import dev.flowconf.kernel.exec.ExecutionError;
import dev.flowconf.kernel.exec.ExecutionResult;
import dev.flowconf.kernel.exec.Invocation;
import dev.flowconf.kernel.exec.TaskRunner;
import dev.flowconf.kernel.json.JsonNull;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonParseException;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonValue;
import dev.flowconf.kernel.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps HTTP onto flows exactly as SPEC.md says, for every host: route selection, body to payload,
 * metadata, value results as JSON, stream results as an {@link EventStream}, errors as the
 * envelope (or one SSE `error` event), and the run probe.
 */
public final class FlowHttpHost implements HttpHost {
    /** GET: the run counts of this host, so a suite can prove cancellation from outside. */
    public static final String PROBE_PATH = "/__flowconf/runs";
    /** SPEC.md SSE-KEEPALIVE-1: a comment after this long without a frame. */
    public static final long DEFAULT_KEEP_ALIVE_MILLIS = 15_000;
    /** SPEC.md LIMIT-BODY-1: a longer body is answered 413; adapters stop reading one byte past it. */
    public static final int MAX_BODY_BYTES = 1_048_576;
    /** SPEC.md LIMIT-HEADERS-1: header fields longer than this in total are answered 431. */
    public static final int MAX_HEADER_BYTES = 32_768;

    private static final String JSON = "application/json";
    private static final List<Header> JSON_HEADERS = List.of(new Header("content-type", JSON));

    /** An array: looping over it makes no iterator, which under TeaVM is an allocation on every request. */
    private final FlowRoute[] routes;
    private final RunLedger ledger;
    private final TaskRunner tasks;
    private final long keepAliveMillis;

    public FlowHttpHost(List<FlowRoute> routes, RunLedger ledger, TaskRunner tasks, long keepAliveMillis) {
        this.routes = routes.toArray(new FlowRoute[0]);
        this.ledger = ledger;
        this.tasks = tasks;
        this.keepAliveMillis = keepAliveMillis;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        Admission admitted = admit(request, false);
        if (admitted.answer != null) return admitted.answer;
        try {
            return answer(admitted.route.runtime().execute(admitted.invocation));
        } catch (ExecutionError e) {
            return failed(e, request);
        }
    }

    /**
     * {@link #handle}'s answer, or null when its route's run may wait (see {@link HttpHost#handleWithoutWaiting}),
     * through code that never calls anything that may block: under TeaVM a method that may call a blocking one becomes a
     * resumable state machine, several times its size, and this path runs on every inline Workers request. It repeats
     * {@link #handle}'s three lines for that reason.
     */
    @Override
    public HttpResponse handleWithoutWaiting(HttpRequest request) {
        Admission admitted = admit(request, true);
        if (admitted == null) return null;
        if (admitted.answer != null) return admitted.answer;
        try {
            return answer(admitted.route.runtime().executeInline(admitted.invocation));
        } catch (ExecutionError e) {
            return failed(e, request);
        }
    }

    /** A request either answered before any flow runs (an answer), or a route with the invocation to run. */
    private static final class Admission {
        final HttpResponse answer;
        final FlowRoute route;
        final Invocation invocation;

        Admission(HttpResponse answer, FlowRoute route, Invocation invocation) {
            this.answer = answer;
            this.route = route;
            this.invocation = invocation;
        }

        static Admission answered(HttpResponse answer) {
            return new Admission(answer, null, null);
        }
    }

    /**
     * Everything before the run: limits, the probe, the route (404, 405), the payload, the invocation, metadata. With
     * {@code withoutWaiting}, null (nothing read, nothing started) for a route whose run may wait.
     */
    private Admission admit(HttpRequest request, boolean withoutWaiting) {
        // Like a platform's own header limit, this comes before anything else looks at the request.
        if (request.headerSectionLength() > MAX_HEADER_BYTES) return Admission.answered(headersTooLarge());
        String method = RequestMetadata.normalizeMethod(request.method());
        if (PROBE_PATH.equals(request.path()) && "GET".equals(method)) {
            return Admission.answered(json(200, ledger.snapshot()));
        }
        FlowRoute route = route(request.path(), method);
        if (route == null) {
            List<String> allowed = new ArrayList<>();
            for (FlowRoute r : routes) {
                if (r.path().equals(request.path())) allowed.add(r.method());
            }
            if (allowed.isEmpty()) return Admission.answered(envelope(ErrorEnvelope.routeNotFound(), false));
            HttpResponse r = envelope(ErrorEnvelope.methodNotAllowed(), false);
            List<Header> headers = new ArrayList<>(r.headers());
            headers.add(new Header("allow", String.join(",", allowed))); // as axum writes it: GET,POST
            return Admission.answered(new HttpResponse(r.status(), headers, r.body()));
        }
        if (withoutWaiting && !route.answersWithoutWaiting()) return null;
        // Only a matched route reads the body, so bad JSON (or too much of it) to an unknown path is a 404.
        if (request.body().isTooLarge()) {
            return Admission.answered(envelope(ErrorEnvelope.bodyTooLarge(MAX_BODY_BYTES), false));
        }
        JsonValue payload;
        try {
            payload = payload(route, request);
        } catch (JsonParseException e) {
            return Admission.answered(envelope(ErrorEnvelope.invalidJson(e), false));
        }
        Invocation invocation = route.invocationFor(payload, clientToken(route, request));
        RequestMetadata.fill(invocation.metadata(), request, method);
        return new Admission(null, route, invocation);
    }

    private HttpResponse answer(ExecutionResult result) {
        if (result.isStream()) return HttpResponse.events(new EventStream(result.stream(), keepAliveMillis));
        return HttpResponse.text(200, JSON_HEADERS, JsonWriter.toJson(result.value()));
    }

    private static HttpResponse failed(ExecutionError e, HttpRequest request) {
        return envelope(ErrorEnvelope.of(e), RequestMetadata.wantsEventStream(request));
    }

    private FlowRoute route(String path, String method) {
        for (FlowRoute r : routes) {
            if (r.path().equals(path) && r.method().equals(method)) return r;
        }
        return null;
    }

    private static JsonValue payload(FlowRoute route, HttpRequest request) throws JsonParseException {
        if (route.takesPayloadFromQuery()) {
            JsonValue query = RequestMetadata.query(request.rawQuery());
            if (query == null) return JsonObject.empty();
            JsonObject.Builder first = JsonObject.builder();
            for (String key : query.asObject().keys()) first.put(key, query.asObject().get(key).asArray().get(0));
            return first.build();
        }
        byte[] body = request.body().bytes();
        return body.length == 0 ? JsonNull.INSTANCE : JsonParser.parse(body);
    }

    /** The host's client token, plus the route's own timer that cancels as if the client had left. */
    private CancellationToken clientToken(FlowRoute route, HttpRequest request) {
        CancellationToken client = request.client();
        if (route.cancelAfterMillis() < 0) return client;
        CancellationToken token = new CancellationToken();
        if (client != null) client.onCancel(() -> token.cancel("client_gone"));
        long delay = route.cancelAfterMillis();
        tasks.run("flowconf-cancel-timer", () -> {
            new CancellationToken().sleep(delay);
            token.cancel("client_gone");
        });
        return token;
    }

    /** 500 `body_read failed: <cause>`, for an adapter whose platform could not read the body. */
    public static HttpResponse bodyReadFailure(String cause) {
        return envelope(ErrorEnvelope.bodyReadFailed(cause), false);
    }

    /**
     * 431 with the LIMIT-HEADERS-1 envelope, as JSON whatever the Accept header says: also for an
     * adapter whose platform refused the header section before the kernel saw it.
     */
    public static HttpResponse headersTooLarge() {
        return envelope(ErrorEnvelope.headersTooLarge(MAX_HEADER_BYTES), false);
    }

    private static HttpResponse json(int status, JsonValue body) {
        return HttpResponse.text(status, JSON_HEADERS, JsonWriter.toJson(body));
    }

    /**
     * The envelope as JSON with its status, or, for a client that accepts text/event-stream, as a
     * 200 event stream holding exactly one `error` event with the same object.
     */
    private static HttpResponse envelope(ErrorEnvelope envelope, boolean asEventStream) {
        if (!asEventStream) return json(envelope.status(), envelope.body());
        return HttpResponse.text(200, EventStream.HEADERS, EventStream.errorFrame(envelope.body()));
    }
}
