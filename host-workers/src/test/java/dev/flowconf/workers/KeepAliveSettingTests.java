package dev.flowconf.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The binding's text rules, on the JVM; reading the binding itself is exercised in workerd by harness-workerd. */
class KeepAliveSettingTests {
    @Test
    void wholeMillisecondsWithinSetTimeoutsRange() {
        assertEquals(50, KeepAliveSetting.parse("50"));
        assertEquals(15_000, KeepAliveSetting.parse(" 15000 "));
        assertEquals(Integer.MAX_VALUE, KeepAliveSetting.parse(Integer.toString(Integer.MAX_VALUE)));
    }

    @Test
    void anythingElseNamesTheBinding() {
        for (String bad : new String[] {"0", "-5", "1.5", "15s", "", "2147483648"}) {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                    () -> KeepAliveSetting.parse(bad), bad);
            assertTrue(failure.getMessage().startsWith("FLOWCONF_KEEPALIVE_MS must be"), failure.getMessage());
        }
    }
}
