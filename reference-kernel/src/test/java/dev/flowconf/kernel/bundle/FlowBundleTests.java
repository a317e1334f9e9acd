package dev.flowconf.kernel.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.kernel.catalog.S1EchoFlow;
import dev.flowconf.kernel.catalog.ShippedCatalog;
import dev.flowconf.kernel.catalog.ShippedFlows;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.http.Header;
import dev.flowconf.kernel.http.HttpHost;
import dev.flowconf.kernel.http.HttpRequest;
import dev.flowconf.kernel.http.HttpResponse;
import dev.flowconf.kernel.ir.FlowIrWriter;
import dev.flowconf.kernel.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A user's bundle (Flow IR plus entrypoints): read, checked with every problem named, and served. */
class FlowBundleTests {
    private static final String S1 = JsonWriter.toJson(FlowIrWriter.toJson(S1EchoFlow.flow()));
    private static final String GREET = "{\"method\":\"POST\",\"route\":\"/greet\",\"trigger\":\"trigger\","
            + "\"capture\":\"responder\",\"deadline_ms\":250}";

    private static String bundle(String flow, String entrypoints) {
        return "{\"flow\":" + flow + ",\"entrypoints\":[" + entrypoints + "]}";
    }

    @Test
    void aBundleIsServedOnItsOwnRoutes() throws BundleException {
        NodeRegistry registry = ShippedFlows.registry();
        FlowBundle bundle = FlowBundle.read(bundle(S1, GREET), registry);
        assertEquals(1, bundle.entrypoints().size());
        assertEquals(250, bundle.entrypoints().get(0).deadlineMillis());

        HttpHost host = bundle.host(registry, ShippedCatalog.Platform.defaults());
        HttpResponse answer = host.handle(new HttpRequest("POST", "/greet", null,
                List.of(new Header("content-type", "application/json")),
                "{\"value\":\"  HeLLo  \"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, answer.status());
        assertEquals("{\"value\":\"hello\"}", new String(answer.body(), StandardCharsets.UTF_8));
        assertEquals(404, host.handle(new HttpRequest("POST", "/echo", null, List.of(), new byte[0])).status(),
                "only the bundle's routes");
        assertEquals(200, host.handle(new HttpRequest("GET", "/__flowconf/runs", null, List.of(), new byte[0])).status(),
                "and the run probe, as every flowconf host");
    }

    @Test
    void everyProblemIsNamedNotOnlyTheFirst() {
        String entrypoints = "{\"method\":\"PUT\",\"route\":\"greet\",\"trigger\":\"nope\",\"capture\":\"responder\"},"
                + "{\"method\":\"POST\",\"route\":\"/a\",\"trigger\":\"trigger\"},"
                + "{\"method\":\"POST\",\"route\":\"/b\",\"trigger\":\"trigger\",\"capture\":\"responder\",\"deadline_ms\":-1}";
        BundleException e = assertThrows(BundleException.class,
                () -> FlowBundle.read(bundle(S1, entrypoints), new NodeRegistry()));
        List<String> problems = e.problems();
        assertTrue(problems.contains("node `trigger`: no handler is registered for `example_s1_echo::http_trigger`"),
                problems.toString());
        assertTrue(problems.contains("entrypoints[0].method must be GET or POST"), problems.toString());
        assertTrue(problems.contains("entrypoints[0].route must start with /"), problems.toString());
        assertTrue(problems.contains("entrypoints[0].trigger: no node `nope` in the flow"), problems.toString());
        assertTrue(problems.contains("entrypoints[1].capture must be a string"), problems.toString());
        assertTrue(problems.contains("entrypoints[2].deadline_ms must be a whole number of milliseconds, 0 or more"),
                problems.toString());
    }

    @Test
    void upstreamsValidatorRulesComeWithTheirCodes() {
        // The S1 flow with its last edge pointing at a node that does not exist.
        String broken = S1.replace("\"to\":\"responder\"", "\"to\":\"ghost\"");
        assertTrue(!broken.equals(S1), "the edge was rewritten");
        BundleException e = assertThrows(BundleException.class,
                () -> FlowBundle.read(bundle(broken, GREET), ShippedFlows.registry()));
        assertTrue(e.problems().stream().anyMatch(p -> p.matches("[A-Z]+[0-9]+ .*ghost.*")), e.problems().toString());
    }

    @Test
    void notJsonAndNotABundleAreSaidPlainly() {
        assertEquals("the bundle is not JSON: EOF while parsing an object at line 1 column 1",
                assertThrows(BundleException.class, () -> FlowBundle.read("{", new NodeRegistry())).getMessage());
        assertEquals("a bundle is a JSON object with `flow` (Flow IR) and `entrypoints`",
                assertThrows(BundleException.class, () -> FlowBundle.read("{\"flow\":{}}", new NodeRegistry()))
                        .getMessage());
    }
}
