package dev.flowconf.kernel.catalog;

import dev.flowconf.kernel.exec.NodeHandler;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.json.JsonBool;
import dev.flowconf.kernel.json.JsonNumber;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import java.util.List;

/**
 * Upstream example s3_branching: `route` picks then/else by `/flag` (if), `mode_router` picks
 * branch a/b/default by `/mode` (switch); every branch tags the object on its way to `capture`.
 */
public final class S3BranchingFlow {
    public static final String ID = "5328612b-a826-5982-96d6-d536a2dfca46";
    private static final String CRATE = "example_s3_branching::";

    private S3BranchingFlow() {}

    public static FlowIR flow() {
        FlowBuilder b = new FlowBuilder(ID, "s3_branching_flow", "Demonstrates if_! and switch! branching")
                .trigger("trigger", CRATE + "http_trigger", "HttpTrigger").add();
        String[][] inline = {
                {"route", "Route"}, {"then_branch", "ThenBranch"}, {"else_branch", "ElseBranch"},
                {"mode_router", "ModeRouter"}, {"branch_a", "BranchA"}, {"branch_b", "BranchB"},
                {"branch_default", "BranchDefault"}, {"capture", "Capture"}};
        for (String[] n : inline) b.inline(n[0], CRATE + n[0], n[1]).behaviour("pure", "strict").add();
        return b.connect("trigger", "route")
                .connect("route", "then_branch")
                .connect("route", "else_branch")
                .connect("then_branch", "mode_router")
                .connect("mode_router", "branch_a")
                .connect("mode_router", "branch_b")
                .connect("mode_router", "branch_default")
                .connect("branch_a", "capture")
                .connect("branch_b", "capture")
                .connect("branch_default", "capture")
                .connect("else_branch", "capture")
                .surface("if:route:0", "if", List.of("route", "then_branch", "else_branch"), JsonObject.builder()
                        .put("v", num(1)).put("source", str("route")).put("selector_pointer", str("/flag"))
                        .put("then", str("then_branch")).put("else", str("else_branch")).build())
                .surface("switch:mode_router:0", "switch",
                        List.of("mode_router", "branch_a", "branch_b", "branch_default"), JsonObject.builder()
                                .put("v", num(1)).put("source", str("mode_router")).put("selector_pointer", str("/mode"))
                                .put("cases", JsonObject.builder().put("a", str("branch_a")).put("b", str("branch_b")).build())
                                .put("default", str("branch_default")).build())
                .build();
    }

    public static void register(NodeRegistry registry) {
        NodeHandler identity = (input, ctx) -> input;
        registry.register(CRATE + "http_trigger", identity)
                .register(CRATE + "route", (input, ctx) -> {
                    JsonValue flag = field(input, "flag");
                    JsonValue mode = field(input, "mode");
                    return JsonObject.builder()
                            .put("flag", flag != null && flag.isBoolean() ? flag : JsonBool.FALSE)
                            .put("mode", mode != null && mode.isString() ? mode : str("default"))
                            .put("input", input)
                            .build();
                })
                .register(CRATE + "then_branch", tag("branch", "then"))
                .register(CRATE + "else_branch", tag("branch", "else"))
                .register(CRATE + "mode_router", identity)
                .register(CRATE + "branch_a", tag("mode_selected", "a"))
                .register(CRATE + "branch_b", tag("mode_selected", "b"))
                .register(CRATE + "branch_default", tag("mode_selected", "default"))
                .register(CRATE + "capture", identity);
    }

    /** Copies the object (anything else becomes an empty object) and sets one string field. */
    private static NodeHandler tag(String key, String value) {
        return (input, ctx) -> (input.isObject() ? input.asObject() : JsonObject.empty()).with(key, str(value));
    }

    private static JsonValue field(JsonValue input, String key) {
        return input.isObject() ? input.asObject().get(key) : null;
    }

    private static JsonValue str(String s) {
        return JsonString.of(s);
    }

    private static JsonValue num(long n) {
        return JsonNumber.ofU64(n);
    }
}
