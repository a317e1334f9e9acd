package dev.flowconf.reference;

import dev.flowconf.kernel.exec.CancellationToken;
import dev.flowconf.kernel.http.EventStream;
import dev.flowconf.kernel.http.FlowHttpHost;
import dev.flowconf.kernel.http.Header;
import dev.flowconf.kernel.http.HttpHost;
import dev.flowconf.kernel.http.HttpRequest;
import dev.flowconf.kernel.http.HttpResponse;
import dev.flowconf.kernel.http.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Adapts Jetty's core request/response to the kernel's {@link HttpHost}: bytes in, bytes or an
 * event stream out, and a client token the kernel's run observes. Every decision about flows,
 * routes and errors is the kernel's.
 *
 * <p>Blocking (Handler.Abstract's default invocation type): the kernel runs a flow to completion,
 * and an event stream is pumped, on this thread.
 */
final class JettyFlowHandler extends Handler.Abstract {
    private static final String CLIENT_GONE = "client_gone";

    private final HttpHost host;
    private final ScheduledExecutorService keepAliveTimer;

    JettyFlowHandler(HttpHost host, ScheduledExecutorService keepAliveTimer) {
        this.host = host;
        this.keepAliveTimer = keepAliveTimer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        RequestBody body;
        try {
            body = body(request);
        } catch (IOException e) {
            respond(request, response, FlowHttpHost.bodyReadFailure(String.valueOf(e.getMessage())), callback);
            return true;
        }
        CancellationToken client = new CancellationToken();
        HttpRequest asKernel = new HttpRequest(request.getMethod(), request.getHttpURI().getPath(),
                request.getHttpURI().getQuery(), headers(request), body, client);
        // An answer made without waiting (a run that never waits, or one before any run) is complete before a vanished
        // client could matter, so it goes without the watch, whose read interest costs two selector updates. An event
        // stream is pumped, which waits, so it is watched however it was made.
        HttpResponse answer = host.handleWithoutWaiting(asKernel);
        if (answer != null && answer.eventStream() == null) {
            respond(request, response, answer, callback);
            return true;
        }
        EventStreamWriter writer = null;
        try (ClientWatch watch = ClientWatch.start(request, () -> client.cancel(CLIENT_GONE))) {
            if (answer == null) answer = host.handle(asKernel);
            EventStream events = answer.eventStream();
            if (events != null) {
                client.onCancel(events::cancel);
                head(response, answer);
                writer = new EventStreamWriter(response, events, keepAliveTimer);
                writer.pump();
            }
        }
        // The watch has let go of the connection's reads, so the exchange may now complete.
        if (writer != null) writer.end(callback, client.isCancelled());
        else respond(request, response, answer, callback);
        return true;
    }

    /**
     * SPEC.md LIMIT-BODY-1: never more than the limit plus one byte in memory. A declared length
     * past the limit is not read at all; a chunked body is read until it passes the limit. Jetty
     * closes the connection after the answer when a body was left unread.
     */
    private static RequestBody body(Request request) throws IOException {
        if (RequestBody.exceedsLimit(request.getLength())) return RequestBody.tooLarge();
        try (InputStream in = Content.Source.asInputStream(request)) {
            return RequestBody.of(in.readNBytes(FlowHttpHost.MAX_BODY_BYTES + 1));
        }
    }

    private static List<Header> headers(Request request) {
        List<Header> headers = new ArrayList<>();
        for (HttpField f : request.getHeaders()) headers.add(new Header(f.getName(), utf8(f.getValue())));
        return headers;
    }

    /**
     * SPEC.md META-HEADERS-2: Jetty hands header bytes over as ISO-8859-1 characters; they are read
     * as UTF-8 instead, an invalid sequence becoming U+FFFD, as the Axum host and workerd read them.
     */
    static String utf8(String isoLatin1) {
        boolean ascii = true;
        for (int i = 0; i < isoLatin1.length(); i++) {
            char c = isoLatin1.charAt(i);
            if (c > 0xFF) return isoLatin1; // not bytes: already decoded
            if (c >= 0x80) ascii = false;
        }
        return ascii ? isoLatin1 : new String(isoLatin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static void head(Response response, HttpResponse answer) {
        response.setStatus(answer.status());
        for (Header h : answer.headers()) response.getHeaders().add(h.name(), h.value());
    }

    private static void respond(Request request, Response response, HttpResponse answer, Callback callback) {
        head(response, answer);
        response.write(true, answer.sendsBodyTo(request.getMethod()) ? ByteBuffer.wrap(answer.body()) : null, callback);
    }
}
