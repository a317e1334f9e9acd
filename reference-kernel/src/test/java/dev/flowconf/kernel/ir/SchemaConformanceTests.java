package dev.flowconf.kernel.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.flowconf.checkout.Checkout;
import dev.flowconf.kernel.catalog.ShippedFlows;
import dev.flowconf.kernel.json.JsonArray;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonString;
import dev.flowconf.kernel.json.JsonValue;
import dev.flowconf.kernel.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Holds our Flow IR against upstream's own JSON Schema (goldens/upstream/flow_ir.schema.json, draft
 * 2020-12, sub-schemas under {@code definitions}) with an independent validator, so the format is
 * checked against the real thing rather than our reading of it. JVM only.
 */
@Tag("jvm-only") // a JVM JSON Schema library (networknt, Jackson) and files under ../goldens
class SchemaConformanceTests {
    private static final Path UPSTREAM = Checkout.goldens().resolve("upstream");
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        String text = Files.readString(UPSTREAM.resolve("flow_ir.schema.json"), StandardCharsets.UTF_8);
        // The file declares 2020-12; its `#/definitions/...` refs are plain JSON Pointers into itself.
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text);
    }

    private static Set<ValidationMessage> problems(JsonValue document) {
        return schema.validate(JsonWriter.toJson(document), InputFormat.JSON);
    }

    private static JsonValue upstream(String file) throws Exception {
        return JsonParser.parse(Files.readAllBytes(UPSTREAM.resolve(file)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"s2_site.json", "etl_logs.flow_ir.json"})
    void upstreamExampleDumpConformsToUpstreamSchema(String file) throws Exception {
        assertEquals(Set.of(), problems(upstream(file)), file);
    }

    static Stream<Named<FlowIR>> shippedFlows() {
        // Iterates the catalogue, so flows added to ShippedFlows later are covered without edits here.
        return ShippedFlows.all().stream().map(flow -> Named.of(flow.name(), flow));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedFlows")
    void shippedFlowAsWrittenConformsToUpstreamSchema(FlowIR flow) {
        assertEquals(Set.of(), problems(FlowIrWriter.toJson(flow)), flow.name());
    }

    /** Each breaks nodes[0] of the s2 dump; location is the validator's instance path ($.a[0].b). */
    static Stream<Arguments> brokenDocuments() {
        return Stream.of(
                Arguments.of("node kind `bogus`", (UnaryOperator<JsonObject>)
                        node -> node.with("kind", JsonString.of("bogus")), "$.nodes[0].kind"),
                Arguments.of("node without alias", (UnaryOperator<JsonObject>)
                        node -> node.without("alias"), "$.nodes[0]"),
                Arguments.of("named schema ref without name", (UnaryOperator<JsonObject>)
                        node -> node.with("in_schema", JsonObject.builder()
                                .put("kind", JsonString.of("named")).build()), "$.nodes[0].in_schema"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void brokenNodeIsRejectedAtItsLocation(String name, UnaryOperator<JsonObject> breakIt, String location)
            throws Exception {
        JsonObject document = upstream("s2_site.json").asObject();
        List<JsonValue> nodes = new ArrayList<>(document.get("nodes").asArray().items());
        nodes.set(0, breakIt.apply(nodes.get(0).asObject()));
        Set<ValidationMessage> found = problems(document.with("nodes", JsonArray.of(nodes)));
        assertFalse(found.isEmpty(), name + " must not validate");
        boolean located = false;
        for (ValidationMessage m : found) {
            located |= m.getInstanceLocation().toString().equals(location);
        }
        assertTrue(located, name + ": expected a problem at " + location + ", got " + found);
    }

    @Test
    void documentWithoutRequiredTopLevelFieldIsRejected() throws Exception {
        // Root `required`: id, name, profile, version.
        assertFalse(problems(upstream("s2_site.json").asObject().without("version")).isEmpty());
    }
}
