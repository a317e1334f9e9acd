package dev.flowconf.kernel.golden;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/** Every kernel golden, on the JVM (the files are read here; the judging is portable). */
@Tag("jvm-only")
class KernelGoldenTests {
    static final Path DIR = Path.of("..", "goldens", "kernel");

    @TestFactory
    Stream<DynamicTest> everyKernelGoldenPasses() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (JsonValue c : JsonParser.parse(Files.readAllBytes(file)).asArray().items()) {
                    JsonObject golden = c.asObject();
                    String name = file.getFileName() + ": " + golden.get("name").asString().value();
                    tests.add(DynamicTest.dynamicTest(name, () -> assertNull(KernelGoldenRunner.check(golden), name)));
                }
            }
        }
        if (tests.size() < 20) throw new IllegalStateException("expected the kernel goldens, found " + tests.size());
        return tests.stream();
    }
}
