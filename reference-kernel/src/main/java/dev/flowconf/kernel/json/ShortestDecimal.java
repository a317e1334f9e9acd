package dev.flowconf.kernel.json;

import java.math.BigInteger;

/**
 * The digits ryu prints for a positive finite double: the shortest decimal inside the double's
 * rounding interval and, when several have that length, the one closest to the exact value (ties
 * to an even last digit).
 *
 * <p>Computed with exact BigInteger arithmetic rather than ryu's 128-bit tables or the platform's
 * {@code Double.toString}: JDK 17's is not always shortest and TeaVM's is not guaranteed exact,
 * while the host's bytes must match ryu everywhere.
 */
final class ShortestDecimal {
    /** Enough powers for every exponent searched: 5e-324 starts at 10^-342, 1.8e308 ends at 10^308. */
    private static final BigInteger[] POW10 = new BigInteger[344];

    static {
        POW10[0] = BigInteger.ONE;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1].multiply(BigInteger.TEN);
        }
    }

    /** The value is {@code digits × 10^exponent}; digits has no trailing zero. */
    final long digits;
    final int exponent;

    private ShortestDecimal(long digits, int exponent) {
        this.digits = digits;
        this.exponent = exponent;
    }

    static ShortestDecimal of(double positive) {
        long bits = Double.doubleToRawLongBits(positive);
        int biased = (int) (bits >>> 52) & 0x7FF;
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        long m2 = biased == 0 ? fraction : fraction | (1L << 52);
        int e2 = (biased == 0 ? 1 : biased) - 1075;
        // Half an ulp either side, except on a power of two (above the subnormals) where the
        // next double down is only half as far away. Four times m2 makes both ends integers.
        long lowGap = fraction == 0 && biased > 1 ? 1 : 2;
        Interval interval = new Interval(4 * m2 - lowGap, 4 * m2, 4 * m2 + 2, e2 - 2, (m2 & 1) == 0);

        // Some multiple of 10^j lies in the interval once 10^j is below its width (> value × 2^-54),
        // true for any j <= floor(log10(value)) - 17. The integer log estimate is at most one
        // above that floor, so start 18 below it and climb while a coarser multiple still fits.
        int log2 = e2 + 63 - Long.numberOfLeadingZeros(m2);
        int j = ((log2 * 78913) >> 18) - 18;
        while (interval.firstMultiple(j + 1).compareTo(interval.lastMultiple(j + 1)) <= 0) {
            j++;
        }
        // j is now maximal, so no candidate ends in 0.
        return new ShortestDecimal(interval.closestMultiple(j).longValue(), j);
    }

    /** low..high around mid, all scaled by 2^binaryExponent; ends included when inclusive. */
    private static final class Interval {
        private final BigInteger low;
        private final BigInteger mid;
        private final BigInteger high;
        private final int denominatorShift;
        private final boolean inclusive;

        Interval(long low, long mid, long high, int binaryExponent, boolean inclusive) {
            int numeratorShift = Math.max(binaryExponent, 0);
            this.low = BigInteger.valueOf(low).shiftLeft(numeratorShift);
            this.mid = BigInteger.valueOf(mid).shiftLeft(numeratorShift);
            this.high = BigInteger.valueOf(high).shiftLeft(numeratorShift);
            this.denominatorShift = Math.max(-binaryExponent, 0);
            this.inclusive = inclusive;
        }

        /** Smallest q with q × 10^j inside the interval. */
        BigInteger firstMultiple(int j) {
            BigInteger[] qr = scaled(low, j).divideAndRemainder(unit(j));
            return qr[1].signum() != 0 || !inclusive ? qr[0].add(BigInteger.ONE) : qr[0];
        }

        /** Largest q with q × 10^j inside the interval. */
        BigInteger lastMultiple(int j) {
            BigInteger[] qr = scaled(high, j).divideAndRemainder(unit(j));
            return qr[1].signum() == 0 && !inclusive ? qr[0].subtract(BigInteger.ONE) : qr[0];
        }

        /** The q inside the interval whose q × 10^j is nearest the exact value (ties: even q). */
        BigInteger closestMultiple(int j) {
            BigInteger unit = unit(j);
            BigInteger[] qr = scaled(mid, j).divideAndRemainder(unit);
            BigInteger down = qr[0];
            if (qr[1].signum() == 0) {
                return down;
            }
            BigInteger up = down.add(BigInteger.ONE);
            int side = qr[1].shiftLeft(1).compareTo(unit);
            boolean preferUp = side > 0 || (side == 0 && down.testBit(0));
            BigInteger preferred = preferUp ? up : down;
            boolean inside = preferred.compareTo(firstMultiple(j)) >= 0
                    && preferred.compareTo(lastMultiple(j)) <= 0;
            return inside ? preferred : (preferUp ? down : up);
        }

        private BigInteger scaled(BigInteger value, int j) {
            return j >= 0 ? value : value.multiply(POW10[-j]);
        }

        private BigInteger unit(int j) {
            BigInteger base = j >= 0 ? POW10[j] : BigInteger.ONE;
            return base.shiftLeft(denominatorShift);
        }
    }
}
