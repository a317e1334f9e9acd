package dev.flowconf.kernel.oracle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flowconf.checkout.Checkout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Inputs taken from the goldens, read with Jackson only (never with the kernel): every HTTP case's request body
 * and {@code x-auth-user} value (as {@code conformance}'s CaseFileReader builds them), the kernel goldens (each
 * file as a whole, as KernelGoldenTests parses it, and each case's {@code payload} and {@code extensions} values as
 * written), and what the approved transcripts claim serde_json answers.
 */
final class GoldenInputs {
    /** Surefire runs in the module directory; the goldens are beside it. */
    static final Path GOLDENS = Checkout.goldens();
    static final Path CASES = GOLDENS.resolve("cases");
    static final Path KERNEL = GOLDENS.resolve("kernel");

    private static final JsonMapper MAPPER = new JsonMapper();
    /** Reads one value and nothing after it. */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private GoldenInputs() {
    }

    /** Every {@code *.case.json} under goldens/cases, sorted. */
    static List<Path> caseFiles() {
        try (Stream<Path> files = Files.walk(CASES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".case.json")).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(Path file) {
        return GOLDENS.relativize(file).toString().replace('\\', '/');
    }

    /** The request body of one case, as the conformance runner sends it (empty when the case has none). */
    static byte[] body(JsonNode request) {
        if (request.hasNonNull("bodyBase64")) {
            return Base64.getDecoder().decode(request.get("bodyBase64").textValue());
        }
        if (request.hasNonNull("bodyRepeat")) {
            return repeated(request.get("bodyRepeat"));
        }
        if (request.hasNonNull("body")) {
            return request.get("body").textValue().getBytes(StandardCharsets.UTF_8);
        }
        return new byte[0];
    }

    /** prefix, repeat × times, suffix, as UTF-8 (built as bytes: some are 10 MB). */
    static byte[] repeated(JsonNode repetition) {
        byte[] prefix = repetition.path("prefix").asText("").getBytes(StandardCharsets.UTF_8);
        byte[] unit = repetition.get("repeat").textValue().getBytes(StandardCharsets.UTF_8);
        byte[] suffix = repetition.path("suffix").asText("").getBytes(StandardCharsets.UTF_8);
        int times = repetition.get("times").intValue();
        byte[] out = new byte[prefix.length + unit.length * times + suffix.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, out, prefix.length + i * unit.length, unit.length);
        }
        System.arraycopy(suffix, 0, out, out.length - suffix.length, suffix.length);
        return out;
    }

    /** One case file read as Jackson's tree. */
    static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Each case's body (every case: an empty body too) and its {@code x-auth-user} value, which the same parser
     * reads (META-AUTH-1): a field sent twice as its joined form (META-HEADERS-3), a generated one in full.
     */
    static List<OracleInput> caseInputs() {
        List<OracleInput> inputs = new ArrayList<>();
        for (Path file : caseFiles()) {
            JsonNode request = read(file).get("request");
            inputs.add(new OracleInput(name(file) + " request body", body(request)));
            JsonNode headers = request.path("headers");
            for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> header = it.next();
                if (!header.getKey().equalsIgnoreCase("x-auth-user")) {
                    continue;
                }
                JsonNode value = header.getValue();
                byte[] bytes;
                if (value.isTextual()) {
                    bytes = value.textValue().getBytes(StandardCharsets.UTF_8);
                } else if (value.isArray()) {
                    List<String> parts = new ArrayList<>();
                    value.forEach(v -> parts.add(v.textValue()));
                    bytes = String.join(", ", parts).getBytes(StandardCharsets.UTF_8);
                } else {
                    bytes = repeated(value);
                }
                inputs.add(new OracleInput(name(file) + " x-auth-user", bytes));
            }
        }
        return inputs;
    }

    /** The case files themselves, each a JSON document (a realistic mix of everything). */
    static List<OracleInput> caseFileDocuments() {
        List<OracleInput> inputs = new ArrayList<>();
        for (Path file : caseFiles()) {
            inputs.add(new OracleInput(name(file) + " (the whole file)", readBytes(file)));
        }
        return inputs;
    }

    /**
     * Each kernel golden file as a whole (KernelGoldenTests parses it so), and each case's {@code payload} and
     * {@code extensions} values exactly as written there, cut out of the file by Jackson's byte offsets (and
     * checked: Jackson reads the cut-out text back as the same value).
     */
    static List<OracleInput> kernelInputs() {
        List<OracleInput> inputs = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(KERNEL)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            byte[] bytes = readBytes(file);
            inputs.add(new OracleInput(name(file) + " (the whole file)", bytes));
            try (JsonParser parser = new JsonFactory().createParser(bytes)) {
                expect(parser.nextToken(), JsonToken.START_ARRAY, file);
                int index = 0;
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        parser.nextToken();
                        String where = name(file) + " [" + index + "]." + field;
                        if (field.equals("payload")) {
                            inputs.add(new OracleInput(where, rawValue(parser, bytes, where)));
                        } else if (field.equals("extensions") && parser.currentToken() == JsonToken.START_OBJECT) {
                            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                                String key = parser.currentName();
                                parser.nextToken();
                                inputs.add(new OracleInput(where + "." + key, rawValue(parser, bytes, where + "." + key)));
                            }
                        } else {
                            parser.skipChildren();
                        }
                    }
                    index++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return inputs;
    }

    /** The text of the value at the parser's current token, as written in {@code bytes}. */
    private static byte[] rawValue(JsonParser parser, byte[] bytes, String where) throws IOException {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        JsonNode value = MAPPER.readTree(parser); // leaves the parser on the value's last token
        int end = (int) parser.currentLocation().getByteOffset();
        while (end > start && isJsonWhitespaceOrComma(bytes[end - 1])) {
            end--;
        }
        byte[] raw = Arrays.copyOfRange(bytes, start, end);
        JsonNode again = STRICT.readTree(raw);
        if (!value.equals(again)) {
            throw new IllegalStateException("cutting " + where + " out of its file went wrong: "
                    + new String(raw, StandardCharsets.UTF_8));
        }
        return raw;
    }

    private static boolean isJsonWhitespaceOrComma(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == ',';
    }

    private static void expect(JsonToken actual, JsonToken expected, Path file) {
        if (actual != expected) {
            throw new IllegalStateException(file + ": expected " + expected + ", found " + actual);
        }
    }

    static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What an approved transcript says serde_json answers for its case's request body. */
    static final class TranscriptClaim {
        final String transcript;
        final byte[] body;
        final SerdeOracle.Answer claimed;

        TranscriptClaim(String transcript, byte[] body, SerdeOracle.Answer claimed) {
            this.transcript = transcript;
            this.body = body;
            this.claimed = claimed;
        }
    }

    /**
     * The claims the approved transcripts make about serde_json: a 400 whose {@code error} is a parse error
     * (ENV-400-1: serde's Display, {@code ... at line L column C}) is serde's error for the body; a 200 from
     * {@code POST /harness/echo} with a non-empty body (ECHO-RAW-1) is serde's {@code to_string} of it. The
     * transcript shows the host's JSON re-indented with its tokens untouched, so taking out the insignificant
     * whitespace gives back the host's bytes (checked against the byte count the transcript states).
     */
    static List<TranscriptClaim> transcriptClaims() {
        List<TranscriptClaim> claims = new ArrayList<>();
        for (Path file : caseFiles()) {
            Path approved = file.resolveSibling(file.getFileName().toString().replace(".case.json", ".approved.txt"));
            if (!Files.exists(approved)) {
                continue;
            }
            JsonNode kase = read(file);
            JsonNode request = kase.get("request");
            List<String> lines;
            try {
                lines = Files.readAllLines(approved, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int response = indexOfPrefix(lines, "<<< ", 0);
            if (response < 0) {
                continue;
            }
            int status = Integer.parseInt(lines.get(response).substring(4).trim().split(" ")[0]);
            int bodyLine = indexOfPrefix(lines, "body: JSON, compact, ", response);
            if (bodyLine < 0) {
                continue;
            }
            int bytes = Integer.parseInt(lines.get(bodyLine).replaceAll("\\D+", " ").trim().split(" ")[0]);
            StringBuilder pretty = new StringBuilder();
            for (int i = bodyLine + 1; i < lines.size() && !lines.get(i).isEmpty(); i++) {
                pretty.append(lines.get(i)).append('\n');
            }
            String compact = compact(pretty.toString());
            byte[] body = body(request);
            String name = name(approved);
            TranscriptClaim claim = null;
            if (status == 400) {
                JsonNode envelope;
                try {
                    envelope = MAPPER.readTree(compact);
                } catch (IOException e) {
                    throw new UncheckedIOException(approved.toString(), e);
                }
                String error = envelope.path("error").asText("");
                if (envelope.size() == 1 && error.matches(".* at line \\d+ column \\d+")) {
                    claim = new TranscriptClaim(name, body, SerdeOracle.Answer.err(error));
                }
            } else if (status == 200 && request.get("method").asText().equals("POST")
                    && request.get("path").asText().equals("/harness/echo") && body.length > 0) {
                claim = new TranscriptClaim(name, body, SerdeOracle.Answer.ok(compact));
            }
            if (claim == null) {
                continue;
            }
            // Also catches a transcript whose text the runner scrubbed (a run id): that one cannot be a claim.
            if (compact.getBytes(StandardCharsets.UTF_8).length != bytes) {
                throw new IllegalStateException(approved + ": the body, re-compacted, is "
                        + compact.getBytes(StandardCharsets.UTF_8).length + " bytes, the transcript says " + bytes);
            }
            claims.add(claim);
        }
        return claims;
    }

    private static int indexOfPrefix(List<String> lines, String prefix, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** JSON text without its insignificant whitespace (strings, escapes included, kept as they are). */
    static String compact(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
