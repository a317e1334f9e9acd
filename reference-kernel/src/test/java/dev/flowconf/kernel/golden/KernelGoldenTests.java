package dev.flowconf.kernel.golden;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.flowconf.checkout.Checkout;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel golden. The files are read while JUnit resolves the arguments, and each case is
 * handed over as JSON text, so the TeaVM run gets the same cases as literals and judges them there.
 */
class KernelGoldenTests {
    static Stream<Arguments> goldens() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(Checkout.goldens().resolve("kernel"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                for (JsonValue c : JsonParser.parse(text).asArray().items()) {
                    cases.add(Arguments.of(file.getFileName() + ": " + c.asObject().get("name").asString().value(),
                            c.toString()));
                }
            }
        }
        if (cases.size() < 20) throw new IllegalStateException("expected the kernel goldens, found " + cases.size());
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void kernelGoldenPasses(String name, String goldenJson) throws Exception {
        JsonObject golden = JsonParser.parse(goldenJson).asObject();
        assertNull(KernelGoldenRunner.check(golden), name);
    }
}
