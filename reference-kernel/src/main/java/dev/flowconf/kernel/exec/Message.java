package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.json.JsonValue;

/** A payload on its way to a node: the value itself, or the key of its spilled copy. */
final class Message {
    final JsonValue payload;
    final String spillKey;
    final SpillStore.Tier spillTier;
    /** Whether this message carries the instance permit of the payload that caused it. */
    final boolean permit;

    private Message(JsonValue payload, String spillKey, SpillStore.Tier spillTier, boolean permit) {
        this.payload = payload;
        this.spillKey = spillKey;
        this.spillTier = spillTier;
        this.permit = permit;
    }

    static Message of(JsonValue payload, boolean permit) {
        return new Message(payload, null, null, permit);
    }

    static Message spilled(String key, SpillStore.Tier tier, boolean permit) {
        return new Message(null, key, tier, permit);
    }
}
