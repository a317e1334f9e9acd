package dev.flowconf.kernel.text;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flowconf.kernel.oracle.SerdeOracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * RustText against Rust itself: the serde-oracle (Rust 1.95's standard library) answers, for every
 * Unicode scalar value, its lowercase, whether `trim` removes it and how it takes part in the
 * final-sigma rule; {@link RustUnicodeTables} must be exactly what {@link RustUnicodeTablesSource}
 * generates from those answers, and RustText must then answer as Rust does for every code point and
 * for random strings (`text` mode). Nothing here is computed with RustText's own logic.
 */
@Tag("jvm-only") // runs a native process
class RustUnicodeOracleTests {

    private static final JsonMapper JSON = new JsonMapper();
    private static final Path COMMITTED = Path.of("src/main/java/dev/flowconf/kernel/text/RustUnicodeTables.java");

    private static List<RustUnicodeTablesSource.Row> rows;
    private static String unicodeVersion;

    @BeforeAll
    static void askTheOracle() {
        unicodeVersion = SerdeOracle.locate().report("version").get(0).get("unicode").asText();
        rows = new ArrayList<>();
        for (JsonNode row : SerdeOracle.locate().report("unicode")) {
            rows.add(new RustUnicodeTablesSource.Row(row.get("cp").asInt(), row.get("lower").asText(),
                    row.get("ws").asBoolean(), row.get("class").asText()));
        }
    }

    @Test
    void theCommittedTablesAreWhatTheOracleAnswers() throws IOException {
        String expected = RustUnicodeTablesSource.render(rows, unicodeVersion);
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        if (!expected.equals(committed)) {
            Path generated = Path.of("target/generated-unicode/RustUnicodeTables.java");
            Files.createDirectories(generated.getParent());
            Files.writeString(generated, expected, StandardCharsets.UTF_8);
            fail("RustUnicodeTables.java is not what the serde-oracle's Rust (Unicode " + unicodeVersion
                    + ") answers; if the oracle is right, take the generated file:\n  cp reference-kernel/" + generated
                    + " reference-kernel/" + COMMITTED);
        }
    }

    @Test
    void everyCodePointLowercasesTrimsAndTakesPartInFinalSigmaAsRustDoes() {
        Map<Integer, RustUnicodeTablesSource.Row> notDefault = new HashMap<>();
        rows.forEach(row -> notDefault.put(row.cp(), row));
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (int cp = 0; cp <= 0x10FFFF; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) continue;
            String alone = new String(Character.toChars(cp));
            RustUnicodeTablesSource.Row rust = notDefault.getOrDefault(cp, new RustUnicodeTablesSource.Row(cp, alone, false, "none"));
            String lower = RustText.toLowerCase(alone);
            boolean trimmed = RustText.trim(alone).isEmpty();
            // The oracle's own probes: "AΣc" (is Σ final before c?) and "AcΣ" (is it final after c?).
            boolean finalBefore = RustText.toLowerCase("AΣ" + alone).charAt(1) == 'ς';
            boolean finalAfter = RustText.toLowerCase("A" + alone + "Σ").endsWith("ς");
            String kernelClass = finalBefore ? (finalAfter ? "ignorable" : "none") : (finalAfter ? "cased" : "unexpected");
            if (!lower.equals(rust.lower()) || trimmed != rust.whiteSpace() || !kernelClass.equals(rust.sigmaClass())) {
                disagreements.add(String.format("U+%04X: kernel lower %s trim-removes %s sigma %s; Rust lower %s trim-removes %s sigma %s",
                        cp, codePoints(lower), trimmed, kernelClass, codePoints(rust.lower()), rust.whiteSpace(), rust.sigmaClass()));
            }
            compared++;
        }
        System.out.println("serde-oracle unicode: " + compared + " code points compared (Rust's Unicode " + unicodeVersion
                + "), " + disagreements.size() + " disagreements");
        assertTrue(disagreements.isEmpty(), disagreements.size() + " code points differ from Rust, first ones:\n"
                + String.join("\n", disagreements.subList(0, Math.min(40, disagreements.size()))));
    }

    @Test
    void randomStringsTrimAndLowercaseAsRustDoes() {
        long seed = Long.getLong("flowconf.seed", System.nanoTime());
        System.out.println("RustUnicodeOracleTests.randomStrings seed " + seed + " (replay with -Dflowconf.seed=" + seed + ")");
        Random random = new Random(seed);
        // Letters, case-ignorables, whitespace and sigmas, where the rules interact.
        int[] pool = rows.stream().mapToInt(RustUnicodeTablesSource.Row::cp).toArray();
        int[] sigmas = {0x03A3, 0x03C3, 0x03C2, 'A', 'a', '1', ' ', '\'', '.', 0x0130, 0x1E9E};
        List<String> inputs = new ArrayList<>(List.of("", "  HeLLo  ", "ΌΣΟΣ Ο", "ΑΣ'Α", "İ", "\u3000x\u0085"));
        for (int n = 0; n < 5000; n++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(8); length > 0; length--) {
                text.appendCodePoint(random.nextInt(3) == 0 ? sigmas[random.nextInt(sigmas.length)] : pool[random.nextInt(pool.length)]);
            }
            inputs.add(text.toString());
        }
        List<JsonNode> answers = SerdeOracle.locate().run("text", inputs,
                (input, out) -> out.write(JSON.writeValueAsBytes(input)));
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode rust = answers.get(i);
            String input = inputs.get(i);
            if (!RustText.toLowerCase(input).equals(rust.get("lower").asText()) || !RustText.trim(input).equals(rust.get("trim").asText())) {
                disagreements.add(codePoints(input) + ": kernel " + codePoints(RustText.toLowerCase(input)) + " / "
                        + codePoints(RustText.trim(input)) + ", Rust " + codePoints(rust.get("lower").asText()) + " / "
                        + codePoints(rust.get("trim").asText()));
            }
        }
        System.out.println("serde-oracle text: " + inputs.size() + " strings compared, " + disagreements.size() + " disagreements");
        assertTrue(disagreements.isEmpty(), String.join("\n", disagreements.subList(0, Math.min(40, disagreements.size()))));
    }

    private static String codePoints(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(cp -> out.append(cp >= 0x21 && cp < 0x7F ? Character.toString(cp) : String.format("\\u{%04X}", cp)));
        return out.append('"').toString();
    }
}
