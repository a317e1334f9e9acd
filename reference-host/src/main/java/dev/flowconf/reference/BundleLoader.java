package dev.flowconf.reference;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.flowconf.kernel.bundle.BundleException;
import dev.flowconf.kernel.bundle.FlowBundle;
import dev.flowconf.kernel.bundle.NodeCatalog;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's flow for the reference host ({@code --bundle FILE --nodes CLASS}): the bundle's {@code flow} is checked
 * against upstream's Flow IR JSON Schema (PSU3D0/LatticeFlow@6589a99, schemas/flow_ir.schema.json), then read and
 * checked by the kernel ({@link FlowBundle}); the nodes come from a {@link NodeCatalog} class on the class path.
 */
final class BundleLoader {
    private BundleLoader() {}

    /** The bundle, its nodes registered; every problem found is in the exception. */
    static Loaded load(Path bundleFile, String catalogClass) throws BundleException, IOException {
        String json = Files.readString(bundleFile, StandardCharsets.UTF_8);
        NodeRegistry registry = new NodeRegistry();
        catalog(catalogClass).register(registry);
        List<String> schemaProblems = schemaProblems(json);
        if (!schemaProblems.isEmpty()) throw new BundleException(schemaProblems);
        return new Loaded(FlowBundle.read(json, registry), registry);
    }

    record Loaded(FlowBundle bundle, NodeRegistry registry) {}

    private static NodeCatalog catalog(String className) throws BundleException {
        try {
            Object catalog = Class.forName(className).getDeclaredConstructor().newInstance();
            if (catalog instanceof NodeCatalog nodes) return nodes;
            throw new BundleException(List.of("--nodes " + className + " does not implement "
                    + NodeCatalog.class.getName()));
        } catch (ReflectiveOperationException e) {
            throw new BundleException(List.of("--nodes " + className + ": cannot make one (" + e
                    + "); is its jar on the class path, with a public no-argument constructor?"));
        }
    }

    /** Upstream's schema on the bundle's `flow` (the kernel's reader gives the shape errors when it is not there). */
    private static List<String> schemaProblems(String json) throws IOException {
        List<String> problems = new ArrayList<>();
        String flow;
        try {
            var document = JsonParser.parse(json);
            if (!document.isObject() || !document.asObject().has("flow")) return problems;
            flow = JsonWriter.toJson(document.asObject().get("flow"));
        } catch (dev.flowconf.kernel.json.JsonParseException e) {
            return problems; // FlowBundle.read says it is not JSON, with serde's position
        }
        for (ValidationMessage m : schema().validate(flow, InputFormat.JSON)) {
            problems.add("upstream schema: " + m.getMessage());
        }
        return problems;
    }

    private static JsonSchema schema() throws IOException {
        try (InputStream in = BundleLoader.class.getResourceAsStream("flow_ir.schema.json")) {
            if (in == null) throw new IOException("flow_ir.schema.json is missing from the reference host's jar");
            // The file declares 2020-12; its `#/definitions/...` refs are plain JSON Pointers into itself.
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
