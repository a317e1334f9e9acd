package dev.flowconf.kernel.ir;

import dev.flowconf.kernel.json.JsonValue;
import java.util.List;

/** A control surface (if, switch, and the reserved kinds) as declared in the flow. */
public final class ControlSurfaceIR {
    private final String id;
    private final String kind;
    private final List<String> targets;
    private final JsonValue config;

    public ControlSurfaceIR(String id, String kind, List<String> targets, JsonValue config) {
        this.id = id;
        this.kind = kind;
        this.targets = List.copyOf(targets);
        this.config = config;
    }

    public String id() { return id; }
    public String kind() { return kind; }
    public List<String> targets() { return targets; }
    /** Null when absent. */
    public JsonValue config() { return config; }
}
