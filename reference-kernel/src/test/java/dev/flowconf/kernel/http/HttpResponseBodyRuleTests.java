package dev.flowconf.kernel.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule every host follows for whether an answer's body is sent. */
class HttpResponseBodyRuleTests {

    private static HttpResponse answer(int status) {
        return new HttpResponse(status, List.of(new Header("content-type", "application/json")), new byte[] {'{', '}'});
    }

    @Test
    void headGetsNoBodyWhateverTheStatus() {
        for (int status : new int[] {200, 400, 404, 405, 413, 500}) {
            assertFalse(answer(status).sendsBodyTo("HEAD"), "HEAD " + status);
        }
    }

    @Test
    void otherMethodsGetTheBodyUnlessTheStatusHasNone() {
        for (String method : new String[] {"GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "head"}) {
            assertTrue(answer(200).sendsBodyTo(method), method);
            assertTrue(answer(404).sendsBodyTo(method), method);
        }
        for (int status : new int[] {100, 101, 103, 204, 205, 304}) {
            assertFalse(answer(status).sendsBodyTo("GET"), "GET " + status);
        }
        for (int status : new int[] {200, 201, 206, 300, 303, 305, 400, 431, 500, 503}) {
            assertTrue(answer(status).sendsBodyTo("GET"), "GET " + status);
        }
    }
}
