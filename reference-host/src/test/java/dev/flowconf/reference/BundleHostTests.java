package dev.flowconf.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.kernel.bundle.BundleException;
import dev.flowconf.kernel.bundle.NodeCatalog;
import dev.flowconf.kernel.catalog.S1EchoFlow;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.ir.FlowIrWriter;
import dev.flowconf.kernel.json.JsonWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference host serving a user's bundle (--bundle FILE --nodes CLASS), after upstream's schema and the kernel. */
class BundleHostTests {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String FLOW = JsonWriter.toJson(FlowIrWriter.toJson(S1EchoFlow.flow()));

    /** The user's nodes: here S1's, registered by their identifiers. */
    public static final class EchoNodes implements NodeCatalog {
        @Override
        public void register(NodeRegistry registry) {
            S1EchoFlow.register(registry);
        }
    }

    @TempDir
    Path dir;

    private Path bundle(String flow) throws Exception {
        return Files.writeString(dir.resolve("greet.bundle.json"), "{\"flow\":" + flow + ",\"entrypoints\":[{\"method\":"
                + "\"POST\",\"route\":\"/greet\",\"trigger\":\"trigger\",\"capture\":\"responder\",\"deadline_ms\":250}]}");
    }

    @Test
    void aBundleIsServedOnItsRoutes() throws Exception {
        BundleLoader.Loaded loaded = BundleLoader.load(bundle(FLOW), EchoNodes.class.getName());
        ReferenceHost host = ReferenceHost.start(0, 15_000, platform -> loaded.bundle().host(loaded.registry(), platform));
        try {
            HttpResponse<String> greet = CLIENT.send(HttpRequest.newBuilder(URI.create(host.baseUrl() + "/greet"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"value\":\"  HeLLo  \"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, greet.statusCode());
            assertEquals("{\"value\":\"hello\"}", greet.body());
            HttpResponse<String> echo = CLIENT.send(HttpRequest.newBuilder(URI.create(host.baseUrl() + "/echo"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, echo.statusCode(), "SPEC.md's routes are not served beside a bundle");
        } finally {
            host.close();
        }
    }

    @Test
    void upstreamsSchemaIsCheckedFirstWithEveryProblemNamed() throws Exception {
        // `profile` is one of upstream's five names; `version` must be a string.
        String broken = FLOW.replace("\"profile\":\"web\"", "\"profile\":\"nowhere\"")
                .replace("\"version\":\"1.0.0\"", "\"version\":1");
        assertTrue(!broken.equals(FLOW) && broken.contains("nowhere") && broken.contains("\"version\":1"), broken);
        BundleException e = assertThrows(BundleException.class,
                () -> BundleLoader.load(bundle(broken), EchoNodes.class.getName()));
        assertTrue(e.problems().stream().allMatch(p -> p.startsWith("upstream schema: ")), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("profile")), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("version")), e.problems().toString());
    }

    @Test
    void aNodeClassThatIsNotACatalogIsNamed() {
        BundleException e = assertThrows(BundleException.class,
                () -> BundleLoader.load(bundle(FLOW), String.class.getName()));
        assertEquals("--nodes java.lang.String does not implement dev.flowconf.kernel.bundle.NodeCatalog", e.getMessage());
    }
}
