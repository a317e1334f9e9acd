package dev.flowconf.kernel.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowconf.checkout.Checkout;
import dev.flowconf.kernel.catalog.ShippedFlows;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.ir.FlowIrReader;
import dev.flowconf.kernel.json.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every flow we ship, and upstream's own example dumps, pass the validator with no diagnostics. */
class ShippedFlowValidationTests {
    static Stream<Named<FlowIR>> shippedFlows() {
        // Iterates the catalogue, so flows added to ShippedFlows later are covered without edits here.
        return ShippedFlows.all().stream().map(flow -> Named.of(flow.name(), flow));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedFlows")
    void shippedFlowValidates(FlowIR flow) {
        assertEquals(List.of(), FlowValidator.validate(flow), flow.name());
    }

    @Tag("jvm-only") // reads ../goldens/upstream from the file system
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"s2_site.json", "etl_logs.flow_ir.json"})
    void upstreamExampleDumpValidates(String file) throws Exception {
        FlowIR flow = FlowIrReader.read(JsonParser.parse(Files.readAllBytes(Checkout.goldens().resolve("upstream").resolve(file))));
        assertEquals(List.of(), FlowValidator.validate(flow), file);
    }

    @org.junit.jupiter.api.Test
    void theDeliberatelyInvalidFlowsFailWithExactlyTheirCode() {
        List<FlowIR> broken = ShippedFlows.deliberatelyInvalid();
        assertEquals(List.of("CTRL110"), codes(FlowValidator.validate(broken.get(0))), broken.get(0).name());
        assertEquals(List.of("CTRL120"), codes(FlowValidator.validate(broken.get(1))), broken.get(1).name());
    }

    private static List<String> codes(List<Diagnostic> diagnostics) {
        List<String> out = new java.util.ArrayList<>();
        for (Diagnostic d : diagnostics) out.add(d.code());
        return out;
    }
}
