package dev.flowconf.kernel.json;

/**
 * A JSON number as serde_json holds it: {@code PosInt(u64)}, {@code NegInt(i64)} (always negative)
 * or {@code Float(f64)} (always finite).
 *
 * <p>Equality follows serde's {@code PartialEq}: same kind and same value, so an integer never
 * equals a float, and {@code 0.0} equals {@code -0.0} (the hash treats them alike too).
 */
public final class JsonNumber extends JsonValue {
    public enum Kind { U64, I64, F64 }

    private final Kind kind;
    private final long bits;
    private final double f64;

    private JsonNumber(Kind kind, long bits, double f64) {
        this.kind = kind;
        this.bits = bits;
        this.f64 = f64;
    }

    /** A u64 given by its 64 bits (negative longs stand for 2^63 and above). */
    public static JsonNumber ofU64(long unsignedBits) {
        return new JsonNumber(Kind.U64, unsignedBits, 0.0);
    }

    /** Like serde's {@code Value::from(i64)}: a non-negative value becomes a U64. */
    public static JsonNumber ofI64(long value) {
        return new JsonNumber(value >= 0 ? Kind.U64 : Kind.I64, value, 0.0);
    }

    /** @throws IllegalArgumentException for NaN and infinities, which serde refuses too */
    public static JsonNumber ofF64(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON numbers must be finite, got " + JsonNumbers.nonFinite(value));
        }
        return new JsonNumber(Kind.F64, 0L, value);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The u64 bits or the i64 value.
     *
     * @throws IllegalStateException for an F64
     */
    public long longBits() {
        if (kind == Kind.F64) {
            throw new IllegalStateException("an f64 has no integer value: " + this);
        }
        return bits;
    }

    /** The f64, or the integer converted as Rust's {@code as f64} does (nearest, ties to even). */
    public double doubleValue() {
        if (kind == Kind.U64) {
            return JsonNumbers.u64ToDouble(bits);
        }
        return kind == Kind.I64 ? (double) bits : f64;
    }

    /** Whether this is a U64 or an I64 (an F64 such as {@code 1.0} is not). */
    public boolean isIntegral() {
        return kind != Kind.F64;
    }

    @Override
    public boolean isNumber() {
        return true;
    }

    @Override
    public JsonNumber asNumber() {
        return this;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof JsonNumber)) {
            return false;
        }
        JsonNumber that = (JsonNumber) other;
        if (kind != that.kind) {
            return false;
        }
        return kind == Kind.F64 ? f64 == that.f64 : bits == that.bits;
    }

    @Override
    public int hashCode() {
        long h = kind == Kind.F64 ? Double.doubleToLongBits(f64 == 0.0 ? 0.0 : f64) : bits;
        return 31 * kind.ordinal() + (int) (h ^ (h >>> 32));
    }
}
