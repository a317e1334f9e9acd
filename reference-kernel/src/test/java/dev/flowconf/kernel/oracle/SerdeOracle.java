package dev.flowconf.kernel.oracle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The client of {@code reference-kernel/serde-oracle}, the real serde_json 1.0.145 and ryu 1.0.20 (what upstream's
 * Cargo.lock pins), built by the module's Maven build with cargo. JVM only: it runs a native process.
 *
 * <p>One process answers one batch: every input goes to its stdin as one line (a writer thread feeds it while the
 * caller reads, so neither pipe fills up), and the answers come back one line each, in order. Thousands of inputs
 * cost one process start.
 *
 * <p>The binary is the system property {@code flowconf.serde-oracle} (Surefire sets it), else
 * {@code target/serde-oracle/release/serde-oracle} under the working directory (the module's, as Surefire runs).
 */
public final class SerdeOracle {
    /** The system property Surefire sets to the binary cargo built. */
    public static final String PROPERTY = "flowconf.serde-oracle";
    static final String DEFAULT_BINARY = "target/serde-oracle/release/serde-oracle";

    /** Answers can be far longer than Jackson's default limits (a 10 MB body comes back as one string). */
    private static final JsonMapper ANSWERS = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE)
                    .maxDocumentLength(-1).build())
            .build()).build();

    /** The decimal text of each byte value. */
    private static final byte[][] BYTE_TEXT = new byte[256][];

    static {
        for (int b = 0; b < 256; b++) {
            BYTE_TEXT[b] = Integer.toString(b).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** What serde_json answers for one input: the value as it writes it back ({@code ok}) or the error's Display. */
    public static final class Answer {
        private final String ok;
        private final String err;

        private Answer(String ok, String err) {
            this.ok = ok;
            this.err = err;
        }

        public static Answer ok(String text) {
            return new Answer(text, null);
        }

        public static Answer err(String message) {
            return new Answer(null, message);
        }

        public boolean isOk() {
            return ok != null;
        }

        /** {@code serde_json::to_string} of the parsed {@code Value}; null for an error. */
        public String ok() {
            return ok;
        }

        /** The error's Display ({@code trailing characters at line 1 column 5}); null for a value. */
        public String err() {
            return err;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Answer && java.util.Objects.equals(ok, ((Answer) other).ok)
                    && java.util.Objects.equals(err, ((Answer) other).err);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(ok, err);
        }

        @Override
        public String toString() {
            return isOk() ? "ok " + ok : "err " + err;
        }
    }

    private final Path binary;

    private SerdeOracle(Path binary) {
        this.binary = binary;
    }

    /** The oracle Maven built; fails, saying how to build it, when it is not there. */
    public static SerdeOracle locate() {
        Path binary = Path.of(System.getProperty(PROPERTY, DEFAULT_BINARY));
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("no serde-oracle binary at " + binary.toAbsolutePath() + " (system property "
                    + PROPERTY + "); `./mvnw -pl reference-kernel verify` builds it with cargo, or by hand: "
                    + "CARGO_TARGET_DIR=reference-kernel/target/serde-oracle cargo build --release --locked "
                    + "--manifest-path reference-kernel/serde-oracle/Cargo.toml");
        }
        return new SerdeOracle(binary);
    }

    public Path binary() {
        return binary;
    }

    /** {@code serde_json::from_slice::<Value>} of each input, then {@code to_string} or the error: one answer each. */
    public List<Answer> json(List<byte[]> inputs) {
        List<JsonNode> lines = run("json", inputs, SerdeOracle::writeByteArray);
        List<Answer> answers = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            if (line.size() == 1 && line.path("ok").isTextual()) {
                answers.add(Answer.ok(line.get("ok").textValue()));
            } else if (line.size() == 1 && line.path("err").isTextual()) {
                answers.add(Answer.err(line.get("err").textValue()));
            } else {
                throw new IllegalStateException("serde-oracle json: answer " + i + " is neither {ok} nor {err}: " + line);
            }
        }
        return answers;
    }

    /** Writes one input line. */
    @FunctionalInterface
    public interface LineWriter<T> {
        void write(T input, OutputStream out) throws IOException;
    }

    /**
     * Runs the binary in {@code mode} with one stdin line per input (written by {@code writer}, without the line
     * feed) and returns its stdout lines, each read as JSON; there must be exactly one per input.
     */
    public <T> List<JsonNode> run(String mode, List<T> inputs, LineWriter<T> writer) {
        return run(mode, inputs, writer, true);
    }

    /** Runs the binary in a mode that reads nothing ({@code unicode}, {@code version}) and returns its stdout lines as JSON. */
    public List<JsonNode> report(String mode) {
        return run(mode, List.<byte[]>of(), SerdeOracle::writeByteArray, false);
    }

    private <T> List<JsonNode> run(String mode, List<T> inputs, LineWriter<T> writer, boolean onePerInput) {
        Process process;
        try {
            process = new ProcessBuilder(binary.toString(), mode).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        // Own threads, not the common pool: both block on the process for as long as it runs.
        CompletableFuture<byte[]> stderr = new CompletableFuture<>();
        CompletableFuture<Void> feeding = new CompletableFuture<>();
        start("serde-oracle-stderr", () -> stderr.complete(readAll(process.getErrorStream())));
        start("serde-oracle-stdin", () -> {
            try (OutputStream stdin = new BufferedOutputStream(process.getOutputStream(), 1 << 16)) {
                for (T input : inputs) {
                    writer.write(input, stdin);
                    stdin.write('\n');
                }
                feeding.complete(null);
            } catch (IOException | RuntimeException e) {
                // The oracle stopped reading (it died): the answers will be short, and its stderr says why.
                feeding.completeExceptionally(e);
            }
        });
        List<JsonNode> answers = new ArrayList<>(inputs.size());
        try (InputStream stdout = process.getInputStream()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = stdout.read(buffer)) >= 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, start, i - start);
                        answers.add(ANSWERS.readTree(line.toByteArray()));
                        line.reset();
                        start = i + 1;
                    }
                }
                line.write(buffer, start, n - start);
            }
            if (line.size() > 0) {
                throw new IllegalStateException("serde-oracle " + mode + ": unterminated last line");
            }
            int status = process.waitFor();
            String errors = new String(stderr.get(), StandardCharsets.UTF_8);
            if (status != 0 || (onePerInput && answers.size() != inputs.size())) {
                throw new IllegalStateException("serde-oracle " + mode + " exited with " + status + " after "
                        + answers.size() + " answers to " + inputs.size() + " inputs; its stderr:\n" + errors);
            }
            feeding.get();
        } catch (IOException e) {
            throw new UncheckedIOException("reading serde-oracle " + mode, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("feeding serde-oracle " + mode, e.getCause());
        } finally {
            process.destroy();
        }
        return answers;
    }

    private static void start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** One input as the JSON array of its byte values: {@code [123,125]}. */
    private static void writeByteArray(byte[] input, OutputStream out) throws IOException {
        out.write('[');
        for (int i = 0; i < input.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(BYTE_TEXT[input[i] & 0xFF]);
        }
        out.write(']');
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return ("(stderr unreadable: " + e + ")").getBytes(StandardCharsets.UTF_8);
        }
    }
}
