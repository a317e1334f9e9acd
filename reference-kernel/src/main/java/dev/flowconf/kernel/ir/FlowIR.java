package dev.flowconf.kernel.ir;

import dev.flowconf.kernel.json.JsonValue;
import java.util.List;

/**
 * A workflow graph in the upstream Flow IR format. Sections the runtime does not interpret yet
 * (checkpoints, policies, metadata, artifacts) are kept as JSON so a round trip loses nothing.
 */
public final class FlowIR {
    private final String id;
    private final String name;
    private final String version;
    private final String profile;
    private final String summary;
    private final List<NodeIR> nodes;
    private final List<EdgeIR> edges;
    private final List<ControlSurfaceIR> controlSurfaces;
    private final JsonValue checkpoints;
    private final JsonValue policies;
    private final JsonValue metadata;
    private final JsonValue artifacts;

    public FlowIR(String id, String name, String version, String profile, String summary,
                  List<NodeIR> nodes, List<EdgeIR> edges, List<ControlSurfaceIR> controlSurfaces,
                  JsonValue checkpoints, JsonValue policies, JsonValue metadata, JsonValue artifacts) {
        this.id = id;
        this.name = name;
        this.version = version;
        this.profile = profile;
        this.summary = summary;
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        this.controlSurfaces = List.copyOf(controlSurfaces);
        this.checkpoints = checkpoints;
        this.policies = policies;
        this.metadata = metadata;
        this.artifacts = artifacts;
    }

    public String id() { return id; }
    public String name() { return name; }
    public String version() { return version; }
    public String profile() { return profile; }
    /** Null when absent. */
    public String summary() { return summary; }
    public List<NodeIR> nodes() { return nodes; }
    public List<EdgeIR> edges() { return edges; }
    public List<ControlSurfaceIR> controlSurfaces() { return controlSurfaces; }
    public JsonValue checkpoints() { return checkpoints; }
    public JsonValue policies() { return policies; }
    public JsonValue metadata() { return metadata; }
    public JsonValue artifacts() { return artifacts; }

    /** The node with this alias, or null. */
    public NodeIR node(String alias) {
        for (NodeIR n : nodes) {
            if (n.alias().equals(alias)) return n;
        }
        return null;
    }
}
