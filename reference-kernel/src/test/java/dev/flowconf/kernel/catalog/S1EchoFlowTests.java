package dev.flowconf.kernel.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowconf.kernel.exec.ExecutionError;
import dev.flowconf.kernel.exec.FlowRuntime;
import dev.flowconf.kernel.exec.Invocation;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.json.JsonNull;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonValue;
import org.junit.jupiter.api.Test;

class S1EchoFlowTests {
    private final FlowRuntime runtime = runtime();

    private static FlowRuntime runtime() {
        NodeRegistry registry = new NodeRegistry();
        S1EchoFlow.register(registry);
        return FlowRuntime.builder(S1EchoFlow.flow(), registry).plugin(S1EchoFlow.authPlugin()).build();
    }

    private String run(String payload, String authUser) throws Exception {
        JsonValue body = payload == null ? JsonNull.INSTANCE : JsonParser.parse(payload);
        Invocation invocation = Invocation.of("trigger", "responder", body).withDeadlineMillis(250);
        if (authUser != null) invocation.metadata().putExtension("auth.user", JsonParser.parse(authUser));
        return runtime.execute(invocation).value().toString();
    }

    @Test
    void trimsAndLowercasesValue() throws Exception {
        assertEquals("{\"value\":\"hello\"}", run("{\"value\":\"HeLLo  \"}", null));
    }

    @Test
    void responderAddsTheAuthenticatedUser() throws Exception {
        assertEquals("{\"user\":{\"email\":\"user42@example.com\",\"sub\":\"user-42\"},\"value\":\"world\"}",
                run("{\"value\":\"World\"}", "{\"sub\":\"user-42\",\"email\":\"user42@example.com\"}"));
    }

    @Test
    void aUserWithoutEmailGetsNullEmail() throws Exception {
        assertEquals("{\"user\":{\"email\":null,\"sub\":\"u\"},\"value\":\"x\"}", run("{\"value\":\"X\"}", "{\"sub\":\"u\"}"));
    }

    @Test
    void anAuthUserOfTheWrongShapeIsIgnored() throws Exception {
        assertEquals("{\"value\":\"x\"}", run("{\"value\":\"X\"}", "{\"email\":\"no-sub@example.com\"}"));
    }

    @Test
    void missingValueFailsTheTriggerWithSerdesMessage() {
        ExecutionError e = assertThrows(ExecutionError.class, () -> run("{}", null));
        assertEquals("node `trigger` failed: failed to deserialize node input: missing field `value`", e.getMessage());
    }

    @Test
    void nullPayloadFailsTheTriggerWithSerdesMessage() {
        ExecutionError e = assertThrows(ExecutionError.class, () -> run(null, null));
        assertEquals("node `trigger` failed: failed to deserialize node input: invalid type: null, expected struct EchoRequest",
                e.getMessage());
    }

    @Test
    void wrongFieldTypeNamesTheUnexpectedValue() {
        ExecutionError e = assertThrows(ExecutionError.class, () -> run("{\"value\":1.5e300}", null));
        assertEquals("node `trigger` failed: failed to deserialize node input: invalid type: floating point `"
                + "15" + "0".repeat(299) + ".0`, expected a string", e.getMessage());
    }

    @Test
    void aSequenceFillsTheStructFieldsInOrderAsSerdeDoes() throws Exception {
        assertEquals("{\"value\":\"seq\"}", run("[\"SEQ\"]", null));
        ExecutionError e = assertThrows(ExecutionError.class, () -> run("[]", null));
        assertEquals("node `trigger` failed: failed to deserialize node input: invalid length 0, expected struct EchoRequest with 1 element",
                e.getMessage());
    }
}
