package dev.flowconf.kernel.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Percent-decoded bytes that are not UTF-8 become U+FFFD once per maximal invalid subpart, as Rust's
 * from_utf8_lossy (upstream's serde_urlencoded) and the WHATWG decoder do. Found by MetadataEchoPropertyTests:
 * `%ED%A0%80` (an encoded surrogate) gave one U+FFFD, from Java's decoder, where upstream gives three.
 * Also runs compiled by TeaVM, whose String(byte[], UTF_8) is its own.
 */
class FormDecodingTests {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "%ED%A0%80          | \uFFFD\uFFFD\uFFFD",
            "%ED%9F%BF          | \uD7FF",
            "%F4%90%80%80       | \uFFFD\uFFFD\uFFFD\uFFFD",
            "%F4%8F%BF%BF       | \uDBFF\uDFFF",
            "%E0%80%80          | \uFFFD\uFFFD\uFFFD",
            "%F0%80%80%80       | \uFFFD\uFFFD\uFFFD\uFFFD",
            "%C0%AF             | \uFFFD\uFFFD",
            "%E1%80             | \uFFFD",
            "%E1%80a            | \uFFFDa",
            "%F1%80%80%C3%A9    | \uFFFD\u00E9",
            "%FF%80             | \uFFFD\uFFFD",
            "%F0%9F%98%80       | \uD83D\uDE00",
            "a+b%2B%2%zz%       | a b+%2%zz%",
    })
    void invalidUtf8BecomesOneReplacementPerMaximalSubpart(String raw, String decoded) {
        assertEquals(decoded, FormDecoding.decode(raw));
    }
}
