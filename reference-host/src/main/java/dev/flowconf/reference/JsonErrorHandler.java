package dev.flowconf.reference;

import dev.flowconf.kernel.http.FlowHttpHost;
import dev.flowconf.kernel.http.Header;
import dev.flowconf.kernel.http.HttpResponse;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonWriter;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what Jetty refuses before the kernel sees it with a JSON envelope instead of Jetty's HTML
 * page: a header section over Jetty's limit exactly as the kernel answers one over its own (SPEC.md
 * LIMIT-HEADERS-1), anything else (a malformed request) as {@code {"error":"<reason phrase>"}}.
 */
final class JsonErrorHandler implements Request.Handler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = status(request, response);
        HttpResponse answer = status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431
                ? FlowHttpHost.headersTooLarge()
                : reasonPhrase(status);
        response.setStatus(answer.status());
        for (Header h : answer.headers()) response.getHeaders().put(h.name(), h.value());
        response.write(true, answer.sendsBodyTo(request.getMethod()) ? ByteBuffer.wrap(answer.body()) : null, callback);
        return true;
    }

    /** Jetty puts the status on the response, or in the HttpException it hands over as the cause. */
    private static int status(Request request, Response response) {
        return request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException e ? e.getCode()
                : response.getStatus();
    }

    private static HttpResponse reasonPhrase(int status) {
        String reason = String.valueOf(HttpStatus.getMessage(status)).toLowerCase(Locale.ROOT);
        byte[] body = JsonWriter.toBytes(JsonObject.builder().put("error", JsonString.of(reason)).build());
        return new HttpResponse(status, List.of(new Header("content-type", "application/json")), body);
    }
}
