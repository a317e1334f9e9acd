package dev.flowconf.kernel.ir;

/** NodeIR.kind: what role a node plays in the graph. */
public enum NodeKind {
    TRIGGER("trigger"), INLINE("inline"), ACTIVITY("activity"), SUBFLOW("subflow");

    private final String wire;

    NodeKind(String wire) { this.wire = wire; }

    public String wire() { return wire; }

    public static NodeKind fromWire(String text) throws FlowIrFormatException {
        for (NodeKind k : values()) {
            if (k.wire.equals(text)) return k;
        }
        throw new FlowIrFormatException("unknown node kind `" + text + "`");
    }
}
