package dev.flowconf.kernel.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flowconf.kernel.error.ErrorEnvelope;
import dev.flowconf.kernel.json.JsonParseException;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonValue;
import dev.flowconf.kernel.json.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The kernel's JSON against serde_json itself (SPEC.md ENV-400-1, JSON-NUM-*, JSON-KEYS-1, LIMIT-DEPTH-1): for every
 * input, the kernel reads it and answers the way FlowHttpHost does ({@link JsonParser#parse(byte[])}, then the value
 * written by {@link JsonWriter}, or the parse error as {@link ErrorEnvelope#invalidJson}'s {@code error} text), and
 * {@link SerdeOracle} answers with serde_json 1.0.145's {@code from_slice::<Value>} and {@code to_string}. Both
 * must be the same, byte for byte. Expected answers come from the oracle only, never from the kernel. (A zero-byte
 * body is compared too, as the parser reads it: that FlowHttpHost answers it with {@code null} instead is
 * BODY-EMPTY-1, a host rule above serde, which upstream's hosts follow as well.)
 *
 * <p>Corpora: every golden's request body and {@code x-auth-user} value (bad-input/ apart, so its count shows), the
 * golden files themselves, the kernel goldens' inputs, fixed inputs by kind ({@link GeneratedInputs#fixed}), random
 * numbers, documents and mutations from one seed (printed; {@code -Dflowconf.serde-oracle.seed=N} replays it,
 * {@code -Dflowconf.serde-oracle.scale=K} draws K times as many), and
 * the fuzzers' seed corpora (every file under src/test/resources whose path holds {@code Inputs/}). A separate test
 * holds the approved transcripts' claims about serde (400 parse errors, /harness/echo answers) to the oracle.
 * Each disagreement fails the test with the input (escaped) and both answers; the whole list is written to
 * target/serde-oracle-disagreements/.
 */
@Tag("jvm-only") // runs a native process (the serde oracle)
class SerdeJsonDifferentialTests {
    static final String SEED_PROPERTY = "flowconf.serde-oracle.seed";
    /** Multiplies the random corpus (20 000 numbers, 2 000 documents, 10 000 mutations) for a longer search. */
    static final String SCALE_PROPERTY = "flowconf.serde-oracle.scale";
    static final Path RESOURCES = Path.of("src", "test", "resources");
    static final Path REPORTS = Path.of("target", "serde-oracle-disagreements");
    private static final int SHOWN_IN_FAILURE = 25;

    /** Corpus name to {inputs compared, disagreements}, for the closing line. */
    private static final Map<String, long[]> COUNTS = new LinkedHashMap<>();

    @AfterAll
    static void printTotal() {
        long inputs = COUNTS.values().stream().mapToLong(c -> c[0]).sum();
        long disagreements = COUNTS.values().stream().mapToLong(c -> c[1]).sum();
        System.out.println("serde oracle: " + inputs + " inputs compared, " + disagreements + " disagreements ("
                + COUNTS.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0]).collect(Collectors.joining(", "))
                + ")");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void goldenBadInputBodies() {
        List<OracleInput> badInput = caseInputs(true);
        long bodies = badInput.stream().filter(i -> i.origin.endsWith(" request body")).count();
        long caseFiles = GoldenInputs.caseFiles().stream()
                .filter(f -> GoldenInputs.name(f).startsWith("cases/bad-input/")).count();
        assertEquals(caseFiles, bodies, "every bad-input case gives its body");
        assertTrue(caseFiles > 50, "goldens/cases/bad-input/ holds its cases");
        compare("goldens/cases/bad-input", badInput);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void goldenBodiesOfTheOtherTopics() {
        compare("goldens/cases (other topics)", caseInputs(false));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void goldenFilesAsDocuments() {
        compare("golden case files as documents", GoldenInputs.caseFileDocuments());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void kernelGoldenInputs() {
        List<OracleInput> inputs = GoldenInputs.kernelInputs();
        assertTrue(inputs.stream().anyMatch(i -> i.origin.endsWith(".payload")), "the kernel goldens have payloads");
        compare("goldens/kernel", inputs);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void generatedInputsByKind() {
        compare("generated", GeneratedInputs.fixed());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void randomNumbersDocumentsAndMutations() {
        String fixed = System.getProperty(SEED_PROPERTY);
        long seed = fixed != null && !fixed.isBlank() ? Long.parseLong(fixed.trim()) : new Random().nextLong();
        System.out.println("serde oracle: random corpus seed " + seed + " (replay: -D" + SEED_PROPERTY + "=" + seed
                + ")");
        int scale = Integer.getInteger(SCALE_PROPERTY, 1);
        List<OracleInput> inputs = GeneratedInputs.random(seed, 20_000 * scale, 2_000 * scale, 10_000 * scale,
                smallValidGoldenBodies());
        compare("random (seed " + seed + ")", inputs);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void fuzzerSeedCorpora() {
        List<OracleInput> inputs = new ArrayList<>();
        if (Files.isDirectory(RESOURCES)) {
            try (Stream<Path> files = Files.walk(RESOURCES)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                    String name = RESOURCES.relativize(file).toString().replace('\\', '/');
                    if (name.contains("Inputs/")) {
                        inputs.add(new OracleInput("src/test/resources/" + name, GoldenInputs.readBytes(file)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.out.println("serde oracle: " + inputs.size() + " files read from the fuzzers' seed corpora (paths"
                + " under src/test/resources holding Inputs/)");
        compare("fuzzer seed corpora", inputs);
    }

    /**
     * Not the kernel: what the approved transcripts claim about serde_json (a 400's parse error, /harness/echo's
     * answer) must be what serde_json answers. A wrong transcript is reported here, never re-approved.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void approvedTranscriptsSayWhatSerdeSays() {
        List<GoldenInputs.TranscriptClaim> claims = GoldenInputs.transcriptClaims();
        long errors = claims.stream().filter(c -> !c.claimed.isOk()).count();
        assertTrue(errors >= 30, "the approved transcripts hold serde's parse errors (found " + errors + ")");
        List<SerdeOracle.Answer> answers = SerdeOracle.locate()
                .json(claims.stream().map(c -> c.body).collect(Collectors.toList()));
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            GoldenInputs.TranscriptClaim claim = claims.get(i);
            if (!claim.claimed.equals(answers.get(i))) {
                wrong.add(claim.transcript + "\n  body:       " + OracleInput.show(claim.body, 300)
                        + "\n  transcript: " + show(claim.claimed) + "\n  serde_json: " + show(answers.get(i)));
            }
        }
        System.out.println("serde oracle: approved transcripts: " + claims.size() + " claims checked (" + errors
                + " parse errors, " + (claims.size() - errors) + " /harness/echo answers), " + wrong.size()
                + " disagreements");
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " approved transcripts say something else than serde_json (report them; do not"
                    + " re-approve blindly):\n" + String.join("\n", wrong));
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static List<OracleInput> caseInputs(boolean badInput) {
        return GoldenInputs.caseInputs().stream()
                .filter(i -> i.origin.startsWith("cases/bad-input/") == badInput)
                .collect(Collectors.toList());
    }

    /** Golden bodies of up to 4 KiB that Jackson (strict) reads: more valid documents to mutate. */
    private static List<byte[]> smallValidGoldenBodies() {
        JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        List<byte[]> bodies = new ArrayList<>();
        for (OracleInput input : GoldenInputs.caseInputs()) {
            if (input.bytes.length == 0 || input.bytes.length > 4096) {
                continue;
            }
            try {
                strict.readTree(input.bytes);
                bodies.add(input.bytes);
            } catch (IOException e) {
                // not valid JSON: not a base for mutations
            }
        }
        return bodies;
    }

    /** What the kernel answers for one body, the way FlowHttpHost reads it and writes the result or the 400. */
    static final class KernelAnswer {
        final byte[] ok;
        final String err;
        final Throwable threw;

        private KernelAnswer(byte[] ok, String err, Throwable threw) {
            this.ok = ok;
            this.err = err;
            this.threw = threw;
        }

        static KernelAnswer of(byte[] input) {
            try {
                JsonValue value = JsonParser.parse(input);
                return new KernelAnswer(JsonWriter.toBytes(value), null, null);
            } catch (JsonParseException e) {
                JsonValue error = ErrorEnvelope.invalidJson(e).body().get("error");
                return new KernelAnswer(null, error.asString().value(), null);
            } catch (Throwable t) { // StackOverflowError included: the kernel must never get there
                return new KernelAnswer(null, null, t);
            }
        }

        boolean agrees(SerdeOracle.Answer serde) {
            if (serde.isOk()) {
                return ok != null && Arrays.equals(ok, serde.ok().getBytes(StandardCharsets.UTF_8));
            }
            return err != null && err.equals(serde.err());
        }

        @Override
        public String toString() {
            if (threw != null) {
                return "threw " + threw;
            }
            return ok != null ? "ok  " + OracleInput.showText(new String(ok, StandardCharsets.UTF_8), 300)
                    : "err " + OracleInput.showText(err, 300);
        }
    }

    private static String show(SerdeOracle.Answer answer) {
        return answer.isOk() ? "ok  " + OracleInput.showText(answer.ok(), 300)
                : "err " + OracleInput.showText(answer.err(), 300);
    }

    private static void compare(String corpus, List<OracleInput> inputs) {
        long start = System.nanoTime();
        List<SerdeOracle.Answer> serde = SerdeOracle.locate()
                .json(inputs.stream().map(i -> i.bytes).collect(Collectors.toList()));
        long oracleDone = System.nanoTime();
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            OracleInput input = inputs.get(i);
            KernelAnswer kernel = KernelAnswer.of(input.bytes);
            if (!kernel.agrees(serde.get(i))) {
                disagreements.add(input.origin + "\n  input:      " + OracleInput.show(input.bytes, 300)
                        + "\n  kernel:     " + kernel + "\n  serde_json: " + show(serde.get(i)));
            }
        }
        long end = System.nanoTime();
        synchronized (COUNTS) {
            COUNTS.put(corpus, new long[] {inputs.size(), disagreements.size()});
        }
        System.out.println("serde oracle: " + corpus + ": " + inputs.size() + " inputs compared, " + disagreements.size()
                + " disagreements (" + (end - start) / 1_000_000 + " ms: oracle " + (oracleDone - start) / 1_000_000
                + " ms, kernel " + (end - oracleDone) / 1_000_000 + " ms)");
        if (disagreements.isEmpty()) {
            return;
        }
        Path report = REPORTS.resolve(corpus.replaceAll("[^A-Za-z0-9.-]+", "_") + ".txt");
        try {
            Files.createDirectories(REPORTS);
            Files.writeString(report, String.join("\n\n", disagreements) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fail("serde oracle: " + corpus + ": the kernel disagrees with serde_json on " + disagreements.size() + " of "
                + inputs.size() + " inputs (all in " + report.toAbsolutePath() + "):\n"
                + String.join("\n", disagreements.subList(0, Math.min(SHOWN_IN_FAILURE, disagreements.size())))
                + (disagreements.size() > SHOWN_IN_FAILURE ? "\n..." : ""));
    }
}
