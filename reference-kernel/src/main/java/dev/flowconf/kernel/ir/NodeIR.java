package dev.flowconf.kernel.ir;

import dev.flowconf.kernel.json.JsonValue;
import java.util.List;

/**
 * One node of a flow (upstream NodeIR). Enumerated fields (effects, determinism) keep their wire
 * strings; {@link FlowIrReader} checks them against the upstream enums.
 */
public final class NodeIR {
    private final String id;
    private final String alias;
    private final String identifier;
    private final String name;
    private final NodeKind kind;
    private final String summary;
    private final JsonValue inSchema;
    private final JsonValue outSchema;
    private final String effects;
    private final String determinism;
    private final JsonValue idempotency;
    private final List<String> determinismHints;
    private final List<String> effectHints;

    public NodeIR(String id, String alias, String identifier, String name, NodeKind kind, String summary,
                  JsonValue inSchema, JsonValue outSchema, String effects, String determinism,
                  JsonValue idempotency, List<String> determinismHints, List<String> effectHints) {
        this.id = id;
        this.alias = alias;
        this.identifier = identifier;
        this.name = name;
        this.kind = kind;
        this.summary = summary;
        this.inSchema = inSchema;
        this.outSchema = outSchema;
        this.effects = effects;
        this.determinism = determinism;
        this.idempotency = idempotency;
        this.determinismHints = List.copyOf(determinismHints);
        this.effectHints = List.copyOf(effectHints);
    }

    public String id() { return id; }
    public String alias() { return alias; }
    public String identifier() { return identifier; }
    public String name() { return name; }
    public NodeKind kind() { return kind; }
    /** Null when absent. */
    public String summary() { return summary; }
    public JsonValue inSchema() { return inSchema; }
    public JsonValue outSchema() { return outSchema; }
    public String effects() { return effects; }
    public String determinism() { return determinism; }
    public JsonValue idempotency() { return idempotency; }
    public List<String> determinismHints() { return determinismHints; }
    public List<String> effectHints() { return effectHints; }
}
