package dev.flowconf.reference;

import dev.flowconf.kernel.http.FlowHttpHost;
import dev.flowconf.kernel.http.Header;
import dev.flowconf.kernel.http.HttpHost;
import dev.flowconf.kernel.http.HttpRequest;
import dev.flowconf.kernel.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Adapts Jetty's core request/response to the kernel's {@link HttpHost}: bytes in, bytes out.
 * Every decision about flows, routes and errors is the kernel's.
 */
/** Blocking (Handler.Abstract's default invocation type): the kernel runs a flow to completion on this thread. */
final class JettyFlowHandler extends Handler.Abstract {
    private final HttpHost host;

    JettyFlowHandler(HttpHost host) {
        this.host = host;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        HttpResponse answer;
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readAllBytes();
            List<Header> headers = new ArrayList<>();
            for (HttpField f : request.getHeaders()) headers.add(new Header(f.getName(), f.getValue()));
            answer = host.handle(new HttpRequest(request.getMethod(), request.getHttpURI().getPath(),
                    request.getHttpURI().getQuery(), headers, body));
        } catch (IOException e) {
            answer = FlowHttpHost.bodyReadFailure(String.valueOf(e.getMessage()));
        }
        response.setStatus(answer.status());
        for (Header h : answer.headers()) response.getHeaders().add(h.name(), h.value());
        boolean noBody = HttpMethod.HEAD.is(request.getMethod());
        response.write(true, noBody ? null : ByteBuffer.wrap(answer.body()), callback);
        return true;
    }
}
