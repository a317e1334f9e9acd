package dev.flowconf.kernel.validate;

import dev.flowconf.kernel.ir.ControlSurfaceIR;
import dev.flowconf.kernel.json.JsonObject;
import java.util.List;

/**
 * Reads one control surface's {@code config} for a surface check, reporting each structural
 * problem under the family's invalid-config code (CTRL120, CTRL110 or CTRL130). Methods that return
 * null have reported a problem that makes the rest of the config unreadable: the caller stops
 * checking that surface, as upstream does.
 */
final class SurfaceConfig {
    private final ControlSurfaceIR surface;
    private final String invalidCode;
    private final List<Diagnostic> out;

    SurfaceConfig(ControlSurfaceIR surface, String invalidCode, List<Diagnostic> out) {
        this.surface = surface;
        this.invalidCode = invalidCode;
        this.out = out;
    }

    /** The config when it is an object with {@code v == 1} (the only version there is), else null. */
    JsonObject open() {
        JsonObject config = JsonFields.object(surface.config());
        if (config == null) {
            invalid("config must be an object");
            return null;
        }
        Long v = JsonFields.u64(config.get("v"));
        if (v == null || v != 1L) {
            invalid("config.v must be 1");
            return null;
        }
        return config;
    }

    /** A required string field, or null when missing or of another type. */
    String string(JsonObject object, String key) {
        return string(object, key, key);
    }

    /** Like {@link #string(JsonObject, String)}, naming the field by its path within config. */
    String string(JsonObject object, String key, String path) {
        String value = JsonFields.string(object.get(key));
        if (value == null) invalid("config." + path + " must be a string");
        return value;
    }

    /** A JSON Pointer (RFC 6901) is empty or starts with {@code /}. */
    void pointer(String field, String pointer) {
        if (!pointer.isEmpty() && pointer.charAt(0) != '/') {
            invalid("config." + field + " `" + pointer + "` is not a JSON Pointer (empty or starting with /)");
        }
    }

    /**
     * A routing branch source → target of an if or switch: the target must be a node, the edge
     * source → target must exist (routing only selects among existing edges), and the target must be
     * listed in targets[].
     */
    void branch(FlowIndex flow, String source, String target, String missingEdgeCode) {
        if (!flow.hasNode(target)) {
            invalid("branch target `" + target + "` is not a node");
            return;
        }
        if (!flow.hasEdge(source, target)) {
            report(missingEdgeCode, "branch " + FlowIndex.edgeName(source, target) + " has no matching edge");
        }
        listedInTargets(target, "branch target");
    }

    /** if and switch surfaces list their source and every branch in targets[]. */
    void listedInTargets(String alias, String role) {
        if (!surface.targets().contains(alias)) invalid(role + " `" + alias + "` is missing from targets[]");
    }

    void invalid(String problem) {
        report(invalidCode, problem);
    }

    void report(String code, String problem) {
        out.add(new Diagnostic(code, "control surface `" + surface.id() + "` (" + surface.kind() + "): " + problem,
                surface.id()));
    }
}
