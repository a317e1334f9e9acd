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

    /** Four random ints, not two longs: TeaVM emulates 64-bit arithmetic in JS, ints are native. */
    static String next() {
        int a = RANDOM.nextInt();
        int b = (RANDOM.nextInt() & ~0xF000) | 0x4000;                  // version 4 in the third group
        int c = (RANDOM.nextInt() & 0x3FFFFFFF) | 0x80000000;           // variant 10 in the fourth group
        int d = RANDOM.nextInt();
        StringBuilder sb = new StringBuilder(36);
        hex(sb, a, 8).append('-');
        hex(sb, b >>> 16, 4).append('-');
        hex(sb, b, 4).append('-');
        hex(sb, c >>> 16, 4).append('-');
        hex(sb, c, 4);
        return hex(sb, d, 8).toString();
    }

    private static StringBuilder hex(StringBuilder sb, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(HEX[(value >>> shift) & 0xF]);
        }
        return sb;
    }
}
