package dev.flowconf.kernel.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowconf.kernel.catalog.HarnessEchoFlow;
import dev.flowconf.kernel.catalog.ShippedCatalog;
import dev.flowconf.kernel.exec.FlowRuntime;
import dev.flowconf.kernel.exec.Invocation;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.json.JsonNull;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The synchronous path (handleWithoutWaiting → executeInline → runInline) answers exactly as handle does, for every
 * request it answers at all: two hosts of the shipped catalog get the same requests, one through each.
 */
class HandleWithoutWaitingTests {
    private static final String[][] REQUESTS = {
            {"POST", "/echo", "{\"value\":\"  HeLLo  \"}"},
            {"POST", "/echo", "{\"value\":"},
            {"POST", "/echo", ""},
            {"POST", "/echo", "{}", "accept", "text/event-stream"},
            {"POST", "/echo", "{\"value\":\"x\"}", "x-auth-user", "{\"sub\":\"u\"}"},
            {"GET", "/echo", ""},
            {"POST", "/nope", "{"},
            {"GET", "/health", ""},
            {"POST", "/harness/echo", "{\"a\":[1,2.5,\"\\u00e9\",null,true,18446744073709551615]}"},
            {"GET", "/stream", ""},
            {"GET", "/bench/stream", ""},
            {"POST", "/errors/node-failure", ""},
            {"POST", "/errors/node-failure", "", "accept", "text/event-stream"},
            {"POST", "/errors/unknown-trigger", "1"},
            {"POST", "/errors/unknown-capture", "1"},
            {"POST", "/errors/unregistered-node", ""},
            {"POST", "/errors/invalid-switch", ""},
            {"POST", "/preflight", "{}"},
            {"GET", "/errors/stream-item", ""},
    };

    private static final String[] PROBE = {"GET", FlowHttpHost.PROBE_PATH, ""};

    private static HttpRequest request(String[] r) {
        List<Header> headers = new ArrayList<>();
        for (int i = 3; i < r.length; i += 2) headers.add(new Header(r[i], r[i + 1]));
        return new HttpRequest(r[0], r[1], null, headers, r[2].getBytes(StandardCharsets.UTF_8));
    }

    /** Status, headers and body (an event stream's frames, read to the end) as one text. */
    private static String answer(HttpResponse r) {
        StringBuilder out = new StringBuilder().append(r.status());
        for (Header h : r.headers()) out.append(' ').append(h.name()).append(": ").append(h.value());
        out.append('\n');
        if (r.eventStream() == null) return out.append(new String(r.body(), StandardCharsets.UTF_8)).toString();
        while (r.eventStream().appendNextFrame(out)) {
            out.append('|');
        }
        return out.toString();
    }

    @Test
    void everyRequestAnsweredWithoutWaitingGetsHandlesAnswer() throws InterruptedException {
        HttpHost waiting = ShippedCatalog.host();
        HttpHost inline = ShippedCatalog.host();
        int withoutWaiting = 0;
        for (String[] r : REQUESTS) {
            String expected = answer(waiting.handle(request(r)));
            // As the Workers host does: the direct answer, else (null, nothing done) handle.
            HttpResponse direct = inline.handleWithoutWaiting(request(r));
            if (direct != null) withoutWaiting++;
            String actual = answer(direct != null ? direct : inline.handle(request(r)));
            assertEquals(expected, actual, String.join(" ", r));
        }
        assertNotNull(inline.handleWithoutWaiting(request(PROBE)), "the probe answers without waiting");
        // Equal counts also show that a null answer started no run.
        assertEquals(settledProbe(waiting, false), settledProbe(inline, true), "the runs each host counted");
        assertTrue(withoutWaiting >= REQUESTS.length - 5, withoutWaiting + " of " + REQUESTS.length + " without waiting");
        assertTrue(withoutWaiting < REQUESTS.length, "some of these requests wait, so the null answer is tried too");
    }

    /** The probe once no run is active (a task executor's stream ends on its own thread, a moment after its end). */
    private static String settledProbe(HttpHost host, boolean withoutWaiting) throws InterruptedException {
        String probe = "";
        for (int i = 0; i < 200; i++) {
            probe = answer(withoutWaiting ? host.handleWithoutWaiting(request(PROBE)) : host.handle(request(PROBE)));
            if (probe.contains("\"active\":0")) break;
            Thread.sleep(10);
        }
        return probe;
    }

    @Test
    void runningInlineWhatDoesNotRunInlineIsRefused() {
        FlowIR flow = HarnessEchoFlow.flow();
        NodeRegistry registry = new NodeRegistry();
        HarnessEchoFlow.register(registry);
        FlowRuntime runtime = FlowRuntime.builder(flow, registry).build();
        Invocation wrongCapture = Invocation.of("trigger", "nope", JsonNull.INSTANCE);
        assertEquals(false, runtime.answersWithoutWaiting(wrongCapture));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> runtime.executeInline(wrongCapture));
        assertEquals("this invocation does not run inline", refused.getMessage());
    }
}
