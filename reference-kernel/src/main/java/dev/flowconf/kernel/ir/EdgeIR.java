package dev.flowconf.kernel.ir;

import dev.flowconf.kernel.json.JsonObject;

/** A directed edge between two node aliases (upstream EdgeIR). */
public final class EdgeIR {
    private final String from;
    private final String to;
    private final String delivery;
    private final String ordering;
    private final String partitionKey;
    private final Long timeoutMs;
    private final JsonObject buffer;

    public EdgeIR(String from, String to, String delivery, String ordering, String partitionKey,
                  Long timeoutMs, JsonObject buffer) {
        this.from = from;
        this.to = to;
        this.delivery = delivery;
        this.ordering = ordering;
        this.partitionKey = partitionKey;
        this.timeoutMs = timeoutMs;
        this.buffer = buffer;
    }

    /** An edge with the builder defaults: at-least-once, ordered, empty buffer policy. */
    public static EdgeIR connect(String from, String to) {
        return new EdgeIR(from, to, "at_least_once", "ordered", null, null, JsonObject.empty());
    }

    public String from() { return from; }
    public String to() { return to; }
    public String delivery() { return delivery; }
    public String ordering() { return ordering; }
    /** Null when absent. */
    public String partitionKey() { return partitionKey; }
    /** Null when absent. */
    public Long timeoutMs() { return timeoutMs; }
    public JsonObject buffer() { return buffer; }
}
