package dev.flowconf.kernel.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowconf.checkout.Checkout;
import dev.flowconf.kernel.catalog.S2SiteFlow;
import dev.flowconf.kernel.catalog.ShippedFlows;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tests that read ../goldens/upstream are jvm-only; the others also run compiled by TeaVM. */
class FlowIrReaderTests {
    private static JsonValue upstream(String file) throws Exception {
        return JsonParser.parse(Files.readAllBytes(Checkout.goldens().resolve("upstream").resolve(file)));
    }

    @Tag("jvm-only") // reads ../goldens/upstream
    @ParameterizedTest
    @ValueSource(strings = {"s2_site.json", "etl_logs.flow_ir.json"})
    void upstreamExampleDumpsRoundTripUnchanged(String file) throws Exception {
        JsonValue document = upstream(file);
        FlowIR flow = FlowIrReader.read(document);
        assertEquals(document, FlowIrWriter.toJson(flow));
    }

    @Tag("jvm-only") // reads ../goldens/upstream
    @Test
    void shippedS2IsTheUpstreamDumpExceptForTheDumpsStaleId() throws Exception {
        String dump = new String(java.nio.file.Files.readAllBytes(Checkout.goldens().resolve("upstream").resolve("s2_site.json")),
                java.nio.charset.StandardCharsets.UTF_8).replace("25c7b343-7bb9-5822-b686-4b13d3e3b396", S2SiteFlow.ID);
        assertEquals(JsonParser.parse(dump), FlowIrWriter.toJson(S2SiteFlow.flow()));
    }

    @Tag("jvm-only") // reads ../goldens/upstream
    @Test
    void s2DumpHasItsNodesAndEdges() throws Exception {
        FlowIR flow = FlowIrReader.read(upstream("s2_site.json"));
        assertEquals("s2_site_flow", flow.name());
        assertEquals(3, flow.nodes().size());
        assertEquals(NodeKind.TRIGGER, flow.node("trigger").kind());
        assertEquals("snapshot", flow.edges().get(1).from());
    }

    @Test
    void shippedFlowsSurviveTheirOwnRoundTrip() throws Exception {
        for (FlowIR flow : ShippedFlows.all()) {
            JsonValue written = FlowIrWriter.toJson(flow);
            assertEquals(written, FlowIrWriter.toJson(FlowIrReader.read(written)));
        }
    }

    @Test
    void unknownFieldsAreIgnoredAndBadEnumsRejected() throws Exception {
        String base = "{\"id\":\"x\",\"name\":\"n\",\"version\":\"1.0.0\",\"profile\":\"%s\",\"future_field\":1}";
        assertEquals("web", FlowIrReader.read(JsonParser.parse(String.format(base, "web"))).profile());
        FlowIrFormatException e = assertThrows(FlowIrFormatException.class,
                () -> FlowIrReader.read(JsonParser.parse(String.format(base, "edge"))));
        assertEquals("unknown profile `edge`", e.getMessage());
        FlowIrFormatException missing = assertThrows(FlowIrFormatException.class,
                () -> FlowIrReader.read(JsonParser.parse("{\"name\":\"n\"}")));
        assertEquals("missing field `id`", missing.getMessage());
    }
}
