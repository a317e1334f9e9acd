package dev.flowconf.kernel.text;

/**
 * Reads the compact tables of {@link RustUnicodeTables}: a string of unsigned numbers, each written
 * in base 16 most significant digit first, every digit but the last from {@code A-P}, the last from
 * {@code 0-9a-f}. Written by hand because the tables must load the same way on the JVM and under
 * TeaVM (which has no resource loading and would pay for a large static int[] initialiser at startup);
 * they are decoded on first use.
 */
final class CodePointTable {
    private CodePointTable() {}

    static int[] numbers(String encoded) {
        int count = 0;
        for (int i = 0; i < encoded.length(); i++) {
            if (isLastDigit(encoded.charAt(i))) count++;
        }
        int[] numbers = new int[count];
        int value = 0;
        int n = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (isLastDigit(c)) {
                numbers[n++] = value * 16 + (c <= '9' ? c - '0' : c - 'a' + 10);
                value = 0;
            } else {
                value = value * 16 + (c - 'A');
            }
        }
        return numbers;
    }

    /**
     * Ranges given as gap, length, gap, length, … (each gap counted from the previous range's end),
     * as sorted half-open {@code [start, end)} pairs.
     */
    static int[] ranges(String encoded) {
        int[] gapsAndLengths = numbers(encoded);
        int[] bounds = new int[gapsAndLengths.length];
        int end = 0;
        for (int i = 0; i < gapsAndLengths.length; i += 2) {
            bounds[i] = end + gapsAndLengths[i];
            end = bounds[i] + gapsAndLengths[i + 1];
            bounds[i + 1] = end;
        }
        return bounds;
    }

    /** Whether {@code cp} lies in one of the half-open ranges. */
    static boolean contains(int[] bounds, int cp) {
        int low = 0;
        int high = bounds.length / 2 - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (cp < bounds[2 * mid]) {
                high = mid - 1;
            } else if (cp >= bounds[2 * mid + 1]) {
                low = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private static boolean isLastDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
