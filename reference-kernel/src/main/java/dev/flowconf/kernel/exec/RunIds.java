package dev.flowconf.kernel.exec;

import java.util.Random;

/**
 * Random UUID v4 strings for `lf.run_id`. Hand-written because java.util.UUID.randomUUID needs
 * SecureRandom, which TeaVM's class library does not offer; run ids need uniqueness, not secrecy.
 */
final class RunIds {
    private static final Random RANDOM = new Random();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RunIds() {}

    static String next() {
        long hi = (RANDOM.nextLong() & ~0xF000L) | 0x4000L;              // version 4
        long lo = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // variant 10
        StringBuilder sb = new StringBuilder(36);
        hex(sb, hi >>> 32, 8).append('-');
        hex(sb, hi >>> 16, 4).append('-');
        hex(sb, hi, 4).append('-');
        hex(sb, lo >>> 48, 4).append('-');
        return hex(sb, lo, 12).toString();
    }

    private static StringBuilder hex(StringBuilder sb, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(HEX[(int) ((value >>> shift) & 0xF)]);
        }
        return sb;
    }
}
