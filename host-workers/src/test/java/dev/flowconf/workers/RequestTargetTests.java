package dev.flowconf.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Pure string logic, so it runs on the JVM; workerd itself is exercised by harness-workerd. */
class RequestTargetTests {
    @Test
    void noQuestionMarkMeansNoQuery() {
        assertNull(RequestTarget.rawQuery("http://127.0.0.1:8787/echo"));
    }

    @Test
    void bareQuestionMarkMeansEmptyQuery() {
        assertEquals("", RequestTarget.rawQuery("http://127.0.0.1:8787/echo?"));
    }

    @Test
    void queryIsKeptRawUpToTheFragment() {
        assertEquals("a=1&b=%20&c", RequestTarget.rawQuery("http://h/p?a=1&b=%20&c"));
        assertEquals("a=1", RequestTarget.rawQuery("http://h/p?a=1#frag?x"));
        assertEquals("x?y", RequestTarget.rawQuery("http://h/p?x?y"));
    }

    @Test
    void questionMarkInsideTheFragmentIsNoQuery() {
        assertNull(RequestTarget.rawQuery("http://h/p#frag?x"));
    }
}
