package dev.flowconf.kernel.json;

import static dev.flowconf.kernel.json.JsonCursor.isDigit;

/**
 * serde_json's number parsing without {@code float_roundtrip} or {@code arbitrary_precision}:
 * {@code parse_integer}, {@code parse_number}, {@code parse_long_integer}, {@code parse_decimal},
 * {@code parse_exponent} and their overflow paths, step for step, so that both the values and the
 * error positions match.
 */
final class JsonNumberReader {
    static final String EOF_VALUE = "EOF while parsing a value";
    private static final String INVALID_NUMBER = "invalid number";
    private static final String NUMBER_OUT_OF_RANGE = "number out of range";

    private final JsonCursor in;

    JsonNumberReader(JsonCursor in) {
        this.in = in;
    }

    /** Reads a number whose {@code -} sign, if any, has been consumed. */
    JsonNumber read(boolean positive) throws JsonParseException {
        if (in.atEnd()) {
            throw in.error(EOF_VALUE);
        }
        int first = in.next();
        if (first == '0') {
            if (isDigit(in.peek())) {
                throw in.peekError(INVALID_NUMBER); // only one leading zero
            }
            return afterInteger(positive, 0);
        }
        if (!isDigit(first)) {
            throw in.error(INVALID_NUMBER);
        }
        long significand = first - '0';
        while (isDigit(in.peek())) {
            int digit = in.peek() - '0';
            if (JsonNumbers.u64TimesTenPlusOverflows(significand, digit)) {
                return JsonNumber.ofF64(longInteger(positive, significand));
            }
            in.index++;
            significand = significand * 10 + digit;
        }
        return afterInteger(positive, significand);
    }

    private JsonNumber afterInteger(boolean positive, long significand) throws JsonParseException {
        int c = in.peek();
        if (c == '.') {
            return JsonNumber.ofF64(decimal(positive, significand, 0));
        }
        if (c == 'e' || c == 'E') {
            return JsonNumber.ofF64(exponent(positive, significand, 0));
        }
        if (positive) {
            return JsonNumber.ofU64(significand);
        }
        long negated = -significand;
        if (negated >= 0) {
            // -0 and magnitudes beyond i64 become floats, as in serde.
            return JsonNumber.ofF64(minus(JsonNumbers.u64ToDouble(significand)));
        }
        return JsonNumber.ofI64(negated);
    }

    /** Integer digits past u64 are dropped; each one raises the decimal exponent. */
    private double longInteger(boolean positive, long significand) throws JsonParseException {
        int exponent = 0;
        while (isDigit(in.peek())) {
            in.index++;
            exponent++;
        }
        int c = in.peek();
        if (c == '.') {
            return decimal(positive, significand, exponent);
        }
        if (c == 'e' || c == 'E') {
            return exponent(positive, significand, exponent);
        }
        return fromParts(positive, significand, exponent);
    }

    private double decimal(boolean positive, long significand, int exponentBeforePoint)
            throws JsonParseException {
        in.index++; // '.'
        int fractionDigits = 0;
        while (isDigit(in.peek())) {
            int digit = in.peek() - '0';
            if (JsonNumbers.u64TimesTenPlusOverflows(significand, digit)) {
                return decimalOverflow(positive, significand, exponentBeforePoint - fractionDigits);
            }
            in.index++;
            significand = significand * 10 + digit;
            fractionDigits++;
        }
        if (fractionDigits == 0) {
            throw in.peekError(in.atEnd() ? EOF_VALUE : INVALID_NUMBER);
        }
        return afterFraction(positive, significand, exponentBeforePoint - fractionDigits);
    }

    /** Fraction digits past u64 are ignored. */
    private double decimalOverflow(boolean positive, long significand, int exponent)
            throws JsonParseException {
        while (isDigit(in.peek())) {
            in.index++;
        }
        return afterFraction(positive, significand, exponent);
    }

    private double afterFraction(boolean positive, long significand, int exponent) throws JsonParseException {
        int c = in.peek();
        if (c == 'e' || c == 'E') {
            return exponent(positive, significand, exponent);
        }
        return fromParts(positive, significand, exponent);
    }

    private double exponent(boolean positive, long significand, int startingExponent)
            throws JsonParseException {
        in.index++; // 'e' or 'E'
        int sign = in.peek();
        boolean positiveExponent = sign != '-';
        if (sign == '+' || sign == '-') {
            in.index++;
        }
        if (in.atEnd()) {
            throw in.error(EOF_VALUE);
        }
        int first = in.next();
        if (!isDigit(first)) {
            throw in.error(INVALID_NUMBER);
        }
        int exponent = first - '0';
        while (isDigit(in.peek())) {
            int digit = in.next() - '0';
            if (exponent > Integer.MAX_VALUE / 10
                    || (exponent == Integer.MAX_VALUE / 10 && digit > Integer.MAX_VALUE % 10)) {
                return exponentOverflow(positive, significand == 0, positiveExponent);
            }
            exponent = exponent * 10 + digit;
        }
        long sum = positiveExponent ? (long) startingExponent + exponent : (long) startingExponent - exponent;
        int saturated = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, sum));
        return fromParts(positive, significand, saturated);
    }

    /** The exponent does not fit an i32: an error for a growing value, otherwise zero. */
    private double exponentOverflow(boolean positive, boolean zeroSignificand, boolean positiveExponent)
            throws JsonParseException {
        if (!zeroSignificand && positiveExponent) {
            throw in.error(NUMBER_OUT_OF_RANGE);
        }
        while (isDigit(in.peek())) {
            in.index++;
        }
        return positive ? 0.0 : -0.0;
    }

    private double fromParts(boolean positive, long significand, int exponent) throws JsonParseException {
        double magnitude = DecimalToF64.fromParts(significand, exponent);
        if (Double.isInfinite(magnitude)) {
            throw in.error(NUMBER_OUT_OF_RANGE);
        }
        return positive ? magnitude : minus(magnitude);
    }

    /**
     * {@code -v}, written as a subtraction from {@code -0.0} because TeaVM 0.16's Wasm GC backend compiles a double's
     * unary minus so that {@code -(0.0)} comes out {@code 0.0}, which would turn {@code -0} into {@code 0} in the Worker
     * (goldens harness/echo-decimals, bad-input/number-huge-and-tiny). Equal to {@code -v} for every double.
     */
    static double minus(double v) {
        return -0.0 - v;
    }
}
