package dev.flowconf.kernel.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RustTextTests {
    @ParameterizedTest(name = "trim keeps {1}")
    @CsvSource(delimiter = '|', value = {
            // input (escapes decoded below) | expected
            "\\u3000\\u00A0\\u0085 x \\u2028\\u202F\\t|x",
            "\\u200B\\uFEFF\\u180E x \\u0085\\u00A0|\\u200B\\uFEFF\\u180E x",
            "\\u0001x\\u001F|\\u0001x\\u001F",
            "\\u2007\\u205Fy\\u1680|y",
    })
    void trimRemovesExactlyTheUnicodeWhiteSpaceSet(String input, String expected) {
        assertEquals(unescape(expected), RustText.trim(unescape(input)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "ΑΣ,ας", "Σ,σ", "ΣΑΣ,σας", "ΑΣΑ,ασα", "ΑΣ.,ας.", "Α.Σ,α.ς", "ΑΣ'Α,ασ'α", "ΣΣ,σς", "ΑΣ1,ας1",
            "1Σ,1σ", "ΑΣ-Α,ας-α", "ΑΣ:Α,ασ:α", "ΑΣ1Α,ας1α", "ΑΣ_Α,ας_α", "Α-Σ,α-σ", "Α1Σ,α1σ", "Α_Σ,α_σ",
            "Α:Σ,α:ς", "ΑΣ·Α,ασ·α", "ΑΣ’Α,ασ’α", "ΌΣΟΣ Ο,όσος ο",
            "İ,i̇", "ẞ,ß", "Ω,ω", "K,k", "Å,å", "ǅ,ǆ", "HeLLo,hello",
    })
    void lowercaseFollowsRustIncludingFinalSigma(String input, String expected) {
        assertEquals(expected, RustText.toLowerCase(input));
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\u", i)) {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (s.startsWith("\\t", i)) {
                out.append('\t');
                i++;
            } else {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }
}
