package dev.flowconf.kernel.exec;

import dev.flowconf.kernel.json.JsonNumber;
import dev.flowconf.kernel.json.JsonNumbers;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonValue;
import dev.flowconf.kernel.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed node inputs out of JSON with serde's error texts, so a node fed the wrong shape fails
 * with the same message upstream's derived Deserialize would give
 * (`failed to deserialize node input: missing field `value``).
 */
public final class NodeInput {
    private final JsonObject fields;
    private final String structName;

    private NodeInput(JsonObject fields, String structName) {
        this.fields = fields;
        this.structName = structName;
    }

    /**
     * Opens a struct-typed input. Like a derived serde struct it accepts an object, or an array
     * holding the fields in declaration order; anything else is serde's "invalid type".
     */
    public static NodeInput struct(JsonValue input, String structName, String... fieldOrder) throws NodeError {
        if (input.isObject()) return new NodeInput(input.asObject(), structName);
        if (!input.isArray()) {
            throw failure("invalid type: " + describe(input) + ", expected struct " + structName);
        }
        int length = input.asArray().size();
        if (length < fieldOrder.length) {
            throw failure("invalid length " + length + ", expected struct " + structName + " with "
                    + fieldOrder.length + (fieldOrder.length == 1 ? " element" : " elements"));
        }
        if (length > fieldOrder.length) {
            throw failure("invalid length " + length + ", expected fewer elements in array");
        }
        JsonObject.Builder fields = JsonObject.builder();
        for (int i = 0; i < length; i++) fields.put(fieldOrder[i], input.asArray().get(i));
        return new NodeInput(fields.build(), structName);
    }

    public String requiredString(String field) throws NodeError {
        JsonValue v = fields.get(field);
        if (v == null) throw failure("missing field `" + field + "`");
        if (!v.isString()) throw failure("invalid type: " + describe(v) + ", expected a string");
        return v.asString().value();
    }

    public List<String> requiredStringList(String field) throws NodeError {
        JsonValue v = fields.get(field);
        if (v == null) throw failure("missing field `" + field + "`");
        if (!v.isArray()) throw failure("invalid type: " + describe(v) + ", expected a sequence");
        List<String> out = new ArrayList<>();
        for (JsonValue item : v.asArray().items()) {
            if (!item.isString()) throw failure("invalid type: " + describe(item) + ", expected a string");
            out.add(item.asString().value());
        }
        return out;
    }

    /** An unsigned integer field (Rust u64); null when absent or null. */
    public Long optionalUnsigned(String field) throws NodeError {
        JsonValue v = optional(field);
        if (v == null) return null;
        if (!v.isNumber() || v.asNumber().kind() == JsonNumber.Kind.F64) {
            throw failure("invalid type: " + describe(v) + ", expected u64");
        }
        if (v.asNumber().kind() == JsonNumber.Kind.I64) {
            throw failure("invalid value: " + describe(v) + ", expected u64");
        }
        return v.asNumber().longBits();
    }

    public long requiredUnsigned(String field) throws NodeError {
        if (!fields.has(field)) throw failure("missing field `" + field + "`");
        Long v = optionalUnsigned(field);
        if (v == null) throw failure("invalid type: null, expected u64");
        return v;
    }

    /** Null when the field is absent or null. */
    public JsonValue optional(String field) {
        JsonValue v = fields.get(field);
        return v == null || v.isNull() ? null : v;
    }

    public String structName() { return structName; }

    private static NodeError failure(String serdeMessage) {
        return new NodeError("failed to deserialize node input: " + serdeMessage);
    }

    /** serde's `Unexpected` Display for a JSON value (`null`, `integer `5``, `map`, ...). */
    public static String describe(JsonValue v) {
        if (v.isNull()) return "null";
        if (v.isBoolean()) return "boolean `" + v.asBoolean() + "`";
        if (v.isString()) return "string " + JsonWriter.toJson(v);
        if (v.isArray()) return "sequence";
        if (v.isObject()) return "map";
        JsonNumber n = v.asNumber();
        switch (n.kind()) {
            case U64: return "integer `" + Long.toUnsignedString(n.longBits()) + "`";
            case I64: return "integer `" + n.longBits() + "`";
            default: return "floating point `" + rustDisplay(n.doubleValue()) + "`";
        }
    }

    /**
     * Rust's `Display` for f64 as serde's `WithDecimalPoint` prints it: the shortest round-trip
     * digits in plain notation (never an exponent), with `.0` added to integral values.
     */
    static String rustDisplay(double d) {
        String shortest = JsonNumbers.formatF64(d);
        int e = shortest.indexOf('e');
        if (e < 0) return shortest;
        boolean negative = shortest.charAt(0) == '-';
        String mantissa = shortest.substring(negative ? 1 : 0, e);
        int exponent = Integer.parseInt(shortest.substring(e + 1));
        String digits = mantissa.replace(".", "");
        int point = 1 + exponent; // position of the decimal point after the first digit
        StringBuilder out = new StringBuilder(negative ? "-" : "");
        if (point <= 0) {
            out.append("0.");
            for (int i = 0; i < -point; i++) out.append('0');
            out.append(digits);
        } else {
            out.append(digits);
            for (int i = digits.length(); i < point; i++) out.append('0');
            out.append(".0");
        }
        return out.toString();
    }
}
