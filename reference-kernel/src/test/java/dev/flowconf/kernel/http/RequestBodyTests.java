package dev.flowconf.kernel.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC.md LIMIT-BODY-1 as the adapters hand a body over: bytes up to the limit, beyond it only the fact. */
class RequestBodyTests {

    @Test
    void aBodyOfExactlyTheLimitIsKeptOneByteMoreIsTooLarge() {
        byte[] atLimit = new byte[FlowHttpHost.MAX_BODY_BYTES];
        atLimit[atLimit.length - 1] = 7;

        RequestBody kept = RequestBody.of(atLimit);
        RequestBody over = RequestBody.of(new byte[FlowHttpHost.MAX_BODY_BYTES + 1]);

        assertFalse(kept.isTooLarge());
        assertArrayEquals(atLimit, kept.bytes());
        assertTrue(over.isTooLarge());
        assertEquals(1_048_576, FlowHttpHost.MAX_BODY_BYTES, "SPEC.md LIMIT-BODY-1 names 1 MiB");
    }

    @Test
    void aBodyTooLargeKeepsNoBytesToHandOut() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RequestBody.tooLarge().bytes());

        assertEquals("the body passed the limit and was not kept", e.getMessage());
        assertEquals(0, RequestBody.of(new byte[0]).bytes().length);
    }

    @ParameterizedTest(name = "content-length {0}: too large {1}")
    @CsvSource({
            "1048576, false",
            "1048577, true",
            "0, false",
            "0001048576, false", // leading zeros count for nothing
            "0001048577, true",
            "000000000000000001, false", // 18 digits
            "0000000000000000001, true", // 19: more than a long holds, as before
            "999999999, true",
            "1000000000, true",
            "2147483648, true", // past an int
            "99999999999999999999999, true", // past a long: still a length past the limit
            "'', false",
            "abc, false",     // not a number: the platform refuses it, reading decides otherwise
            "-5, false",
            "' 12', false"})
    void aDeclaredLengthPastTheLimitNeedsNoReading(String contentLength, boolean tooLarge) {
        assertEquals(tooLarge, RequestBody.exceedsLimit(contentLength));
    }

    @Test
    void noDeclaredLengthSaysNothing() {
        assertFalse(RequestBody.exceedsLimit((String) null));
        assertFalse(RequestBody.exceedsLimit(-1L), "Jetty's -1: no content-length (chunked)");
        assertTrue(RequestBody.exceedsLimit(FlowHttpHost.MAX_BODY_BYTES + 1L));
    }
}
