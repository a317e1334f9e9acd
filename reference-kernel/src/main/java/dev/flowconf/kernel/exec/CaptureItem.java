package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.json.JsonValue;

/** What reaches the capture sink: the capture's value or stream, or any node's failure. */
final class CaptureItem {
    enum Kind { VALUE, STREAM, ERROR }

    final Kind kind;
    final JsonValue value;
    final StreamSource stream;
    final String alias;
    final String message;
    final boolean permit;

    private CaptureItem(Kind kind, JsonValue value, StreamSource stream, String alias, String message,
                        boolean permit) {
        this.kind = kind;
        this.value = value;
        this.stream = stream;
        this.alias = alias;
        this.message = message;
        this.permit = permit;
    }

    static CaptureItem value(JsonValue value, boolean permit) {
        return new CaptureItem(Kind.VALUE, value, null, null, null, permit);
    }

    static CaptureItem stream(StreamSource stream, boolean permit) {
        return new CaptureItem(Kind.STREAM, null, stream, null, null, permit);
    }

    static CaptureItem error(String alias, String message, boolean permit) {
        return new CaptureItem(Kind.ERROR, null, null, alias, message, permit);
    }
}
