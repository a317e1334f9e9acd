package dev.flowconf.kernel.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowconf.kernel.exec.ExecutionError;
import dev.flowconf.kernel.json.JsonWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's error table (upstream-hosts.md §6), byte for byte, keys in ascending order. */
class ErrorEnvelopeTests {
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(ExecutionError.deadlineExceeded(250), 504, "{\"error\":\"deadline exceeded\"}"),
                Arguments.of(ExecutionError.nodeFailed("trigger", "boom"), 500, "{\"error\":\"node `trigger` failed: boom\"}"),
                Arguments.of(ExecutionError.missingOutput("capture"), 500, "{\"error\":\"capture `capture` produced no output\"}"),
                Arguments.of(ExecutionError.unknownTrigger("t"), 500, "{\"error\":\"unknown trigger alias `t`\"}"),
                Arguments.of(ExecutionError.unknownCapture("c"), 500, "{\"error\":\"unknown capture alias `c`\"}"),
                Arguments.of(ExecutionError.unregisteredNode("x::y"), 500, "{\"error\":\"no handler registered for node `x::y`\"}"),
                Arguments.of(ExecutionError.missingCapabilities(List.of("resource::kv::read")), 500,
                        "{\"code\":\"CAP101\",\"details\":{\"hints\":[\"resource::kv::read\"]},\"error\":\"missing required capabilities\"}"),
                Arguments.of(ExecutionError.cancelled(), 503, "{\"error\":\"execution cancelled\"}"),
                Arguments.of(ExecutionError.unsupportedControlSurface("rate_limit:0", "rate_limit"), 500,
                        "{\"code\":\"CTRL901\",\"details\":{\"id\":\"rate_limit:0\",\"kind\":\"rate_limit\"},"
                                + "\"error\":\"unsupported control surface `rate_limit:0` (rate_limit)\"}"),
                Arguments.of(ExecutionError.invalidControlSurface("if:a:0", "if", "missing config.then"), 500,
                        "{\"code\":\"CTRL120\",\"details\":{\"id\":\"if:a:0\",\"kind\":\"if\"},"
                                + "\"error\":\"invalid control surface `if:a:0` (if): missing config.then\"}"),
                Arguments.of(ExecutionError.invalidControlSurface("switch:a:0", "switch", "missing config.cases"), 500,
                        "{\"code\":\"CTRL110\",\"details\":{\"id\":\"switch:a:0\",\"kind\":\"switch\"},"
                                + "\"error\":\"invalid control surface `switch:a:0` (switch): missing config.cases\"}"),
                Arguments.of(ExecutionError.unsupportedSpill("Spill-to-filesystem is not supported on this platform (wasm). Disable spill_tier or run on native."), 400,
                        "{\"error\":\"unsupported_spill\",\"message\":\"Spill-to-filesystem is not supported on this platform (wasm). Disable spill_tier or run on native.\"}"),
                Arguments.of(ExecutionError.spillSetup("disk full"), 500, "{\"error\":\"failed to configure spill storage: disk full\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyExecutionErrorMapsToUpstreamsStatusAndBody(ExecutionError error, int status, String body) {
        ErrorEnvelope envelope = ErrorEnvelope.of(error);
        assertEquals(status, envelope.status());
        assertEquals(body, JsonWriter.toJson(envelope.body()));
    }

    @org.junit.jupiter.api.Test
    void theLimitsHaveTheirOwnStatusCodeAndDetails() {
        ErrorEnvelope body = ErrorEnvelope.bodyTooLarge(1_048_576);
        ErrorEnvelope headers = ErrorEnvelope.headersTooLarge(32_768);
        assertEquals(413, body.status());
        assertEquals("{\"code\":\"BODY_TOO_LARGE\",\"details\":{\"limit_bytes\":1048576},"
                + "\"error\":\"request body exceeds 1048576 bytes\"}", JsonWriter.toJson(body.body()));
        assertEquals(431, headers.status());
        assertEquals("{\"code\":\"HEADERS_TOO_LARGE\",\"details\":{\"limit_bytes\":32768},"
                + "\"error\":\"request header fields exceed 32768 bytes\"}", JsonWriter.toJson(headers.body()));
    }
}
