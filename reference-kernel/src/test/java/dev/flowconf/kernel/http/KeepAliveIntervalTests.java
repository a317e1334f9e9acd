package dev.flowconf.kernel.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KeepAliveIntervalTests {
    @Test
    void wholeMillisecondsWithinATimersRange() {
        assertEquals(1, KeepAliveInterval.parseMillis("1", "--keepalive-ms"));
        assertEquals(50, KeepAliveInterval.parseMillis("50", "--keepalive-ms"));
        assertEquals(15_000, KeepAliveInterval.parseMillis(" 15000 ", "FLOWCONF_KEEPALIVE_MS"));
        assertEquals(Integer.MAX_VALUE, KeepAliveInterval.parseMillis(Integer.toString(Integer.MAX_VALUE), "x"));
    }

    @Test
    void anythingElseNamesTheSettingTheRangeAndTheText() {
        for (String bad : new String[] {"0", "-5", "+5", "1.5", "15s", "", " ", "2147483648", "99999999999999999999"}) {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                    () -> KeepAliveInterval.parseMillis(bad, "FLOWCONF_KEEPALIVE_MS"), bad);
            assertEquals("FLOWCONF_KEEPALIVE_MS needs a whole number of milliseconds from 1 to 2147483647, got: " + bad,
                    failure.getMessage());
        }
    }
}
