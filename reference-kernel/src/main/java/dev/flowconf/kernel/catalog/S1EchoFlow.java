package dev.flowconf.kernel.catalog;

import dev.flowconf.kernel.exec.EnvironmentPlugin;
import dev.flowconf.kernel.exec.InvocationMetadata;
import dev.flowconf.kernel.exec.NodeError;
import dev.flowconf.kernel.exec.NodeInput;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.exec.RunEnvironment;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.json.JsonNull;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import dev.flowconf.kernel.text.RustText;

/**
 * Upstream example s1_echo: trigger → normalize (Unicode trim + lowercase of `value`) → responder,
 * which adds the caller from the auth plugin (`x-auth-user`).
 */
public final class S1EchoFlow {
    public static final String ID = "17d960d7-647c-5e8a-9317-3b821bfdafe1";
    private static final String CRATE = "example_s1_echo::";
    private static final String AUTH_USER = "s1.auth_user";
    // The structs' field orders, made once: a varargs call makes its array on every call, three per request here.
    private static final String[] ECHO_FIELDS = {"value"};
    private static final String[] RESPONSE_FIELDS = {"value", "user"};
    private static final String[] AUTH_USER_FIELDS = {"sub", "email"};

    private S1EchoFlow() {}

    public static FlowIR flow() {
        return new FlowBuilder(ID, "s1_echo_flow", "Implements the S1 webhook echo example")
                .trigger("trigger", CRATE + "http_trigger", "HttpTrigger").types("EchoRequest", "EchoRequest").add()
                .inline("normalize", CRATE + "normalize", "Normalize").types("EchoRequest", "EchoResponse")
                .behaviour("pure", "strict").add()
                .inline("responder", CRATE + "responder", "Responder").types("EchoResponse", "EchoResponse")
                .behaviour("pure", "strict").add()
                .connect("trigger", "normalize")
                .connect("normalize", "responder")
                .build();
    }

    public static void register(NodeRegistry registry) {
        registry.registerNonBlocking(CRATE + "http_trigger", (input, ctx) -> echoRequest(readValue(input, "EchoRequest")))
                .registerNonBlocking(CRATE + "normalize", (input, ctx) ->
                        echoRequest(RustText.toLowerCase(RustText.trim(readValue(input, "EchoRequest")))))
                .registerNonBlocking(CRATE + "responder", (input, ctx) -> {
                    NodeInput response = NodeInput.struct(input, "EchoResponse", RESPONSE_FIELDS);
                    JsonObject.Builder out = JsonObject.builder()
                            .put("value", JsonString.of(response.requiredString("value")));
                    JsonValue user = (JsonValue) ctx.environment().get(AUTH_USER);
                    if (user != null) out.put("user", user);
                    return out.build();
                });
    }

    /** Reads `auth.user` and, if it has AuthUser's shape, hands it to the responder. */
    public static EnvironmentPlugin authPlugin() {
        return (InvocationMetadata metadata, RunEnvironment environment) -> {
            JsonValue user = metadata.extension("auth.user");
            JsonValue authUser = user == null ? null : asAuthUser(user);
            if (authUser != null) environment.put(AUTH_USER, authUser);
        };
    }

    /** AuthUser {sub: string, email: string|null}, or null when the value does not deserialize. */
    private static JsonValue asAuthUser(JsonValue user) {
        try {
            NodeInput in = NodeInput.struct(user, "AuthUser", AUTH_USER_FIELDS);
            String sub = in.requiredString("sub");
            JsonValue email = in.optional("email");
            if (email != null && !email.isString()) return null;
            return JsonObject.builder()
                    .put("sub", JsonString.of(sub))
                    .put("email", email == null ? JsonNull.INSTANCE : email)
                    .build();
        } catch (NodeError e) {
            return null;
        }
    }

    private static String readValue(JsonValue input, String struct) throws NodeError {
        return NodeInput.struct(input, struct, ECHO_FIELDS).requiredString("value");
    }

    private static JsonValue echoRequest(String value) {
        return JsonObject.builder().put("value", JsonString.of(value)).build();
    }
}
