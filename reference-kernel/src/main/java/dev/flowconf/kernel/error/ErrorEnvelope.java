package dev.flowconf.kernel.error;

import dev.flowconf.kernel.exec.ExecutionError;
import dev.flowconf.kernel.json.JsonArray;
import dev.flowconf.kernel.json.JsonNumber;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonParseException;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The Axum host's JSON error body and HTTP status, one table for every host: `error` always, `code`
 * and `details` where upstream classifies the failure.
 */
public final class ErrorEnvelope {
    private final int status;
    private final JsonObject body;

    private ErrorEnvelope(int status, JsonObject body) {
        this.status = status;
        this.body = body;
    }

    public int status() { return status; }
    public JsonObject body() { return body; }

    private static ErrorEnvelope plain(int status, String error) {
        return new ErrorEnvelope(status, JsonObject.builder().put("error", JsonString.of(error)).build());
    }

    /** 400: the request body is not JSON; the text is serde_json's, position included. */
    public static ErrorEnvelope invalidJson(JsonParseException e) {
        return plain(400, e.getMessage());
    }

    public static ErrorEnvelope bodyReadFailed(String cause) {
        return plain(500, "body_read failed: " + cause);
    }

    /** 413 (SPEC.md LIMIT-BODY-1): the body passed the limit; the host stopped reading it. */
    public static ErrorEnvelope bodyTooLarge(long limitBytes) {
        return classified(413, "request body exceeds " + limitBytes + " bytes", "BODY_TOO_LARGE", limit(limitBytes));
    }

    /** 431 (SPEC.md LIMIT-HEADERS-1): the header fields together passed the limit. */
    public static ErrorEnvelope headersTooLarge(long limitBytes) {
        return classified(431, "request header fields exceed " + limitBytes + " bytes", "HEADERS_TOO_LARGE",
                limit(limitBytes));
    }

    private static JsonObject limit(long limitBytes) {
        return JsonObject.builder().put("limit_bytes", JsonNumber.ofU64(limitBytes)).build();
    }

    public static ErrorEnvelope routeNotFound() {
        return plain(404, "route not found");
    }

    public static ErrorEnvelope methodNotAllowed() {
        return plain(405, "method not allowed");
    }

    public static ErrorEnvelope of(ExecutionError e) {
        switch (e.kind()) {
            case DEADLINE_EXCEEDED: return plain(504, "deadline exceeded");
            case CANCELLED: return plain(503, "execution cancelled");
            case NODE_FAILED: return plain(500, "node `" + e.alias() + "` failed: " + e.nodeMessage());
            case MISSING_OUTPUT: return plain(500, "capture `" + e.alias() + "` produced no output");
            case UNKNOWN_TRIGGER: return plain(500, "unknown trigger alias `" + e.alias() + "`");
            case UNKNOWN_CAPTURE: return plain(500, "unknown capture alias `" + e.alias() + "`");
            case UNREGISTERED_NODE:
                return plain(500, "no handler registered for node `" + e.identifier() + "`");
            case MISSING_CAPABILITIES: {
                List<JsonValue> hints = new ArrayList<>();
                for (String h : e.hints()) hints.add(JsonString.of(h));
                return classified(500, "missing required capabilities", "CAP101",
                        JsonObject.builder().put("hints", JsonArray.of(hints)).build());
            }
            case UNSUPPORTED_CONTROL_SURFACE:
                return classified(500,
                        "unsupported control surface `" + e.surfaceId() + "` (" + e.surfaceKind() + ")",
                        "CTRL901", surfaceDetails(e));
            case INVALID_CONTROL_SURFACE:
                return classified(500,
                        "invalid control surface `" + e.surfaceId() + "` (" + e.surfaceKind() + "): "
                                + e.invalidReason(),
                        "if".equals(e.surfaceKind()) ? "CTRL120" : "CTRL110", surfaceDetails(e));
            case UNSUPPORTED_SPILL:
                return new ErrorEnvelope(400, JsonObject.builder()
                        .put("error", JsonString.of("unsupported_spill"))
                        .put("message", JsonString.of(e.spillMessage()))
                        .build());
            case SPILL_SETUP: return plain(500, "failed to configure spill storage: " + e.nodeMessage());
            default: throw new IllegalStateException("unmapped execution error " + e.kind());
        }
    }

    private static ErrorEnvelope classified(int status, String error, String code, JsonObject details) {
        return new ErrorEnvelope(status, JsonObject.builder()
                .put("error", JsonString.of(error))
                .put("code", JsonString.of(code))
                .put("details", details)
                .build());
    }

    private static JsonObject surfaceDetails(ExecutionError e) {
        return JsonObject.builder()
                .put("id", JsonString.of(e.surfaceId()))
                .put("kind", JsonString.of(e.surfaceKind()))
                .build();
    }
}
