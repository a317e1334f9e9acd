package dev.flowconf.kernel.bundle;

import dev.flowconf.kernel.catalog.ShippedCatalog;
import dev.flowconf.kernel.exec.FlowRuntime;
import dev.flowconf.kernel.exec.Invocation;
import dev.flowconf.kernel.exec.NodeRegistry;
import dev.flowconf.kernel.http.FlowRoute;
import dev.flowconf.kernel.http.HttpHost;
import dev.flowconf.kernel.http.LazyRuntime;
import dev.flowconf.kernel.http.RunLedger;
import dev.flowconf.kernel.ir.FlowIR;
import dev.flowconf.kernel.ir.FlowIrFormatException;
import dev.flowconf.kernel.ir.FlowIrReader;
import dev.flowconf.kernel.ir.NodeIR;
import dev.flowconf.kernel.json.JsonArray;
import dev.flowconf.kernel.json.JsonNumber;
import dev.flowconf.kernel.json.JsonObject;
import dev.flowconf.kernel.json.JsonParseException;
import dev.flowconf.kernel.json.JsonParser;
import dev.flowconf.kernel.json.JsonValue;
import dev.flowconf.kernel.validate.Diagnostic;
import dev.flowconf.kernel.validate.FlowValidator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A user's flow as a host serves it: one Flow IR document and its entrypoints, which upstream keeps outside the IR
 * (its bundles carry them as {@code FlowEntrypoint}s), in one JSON file of ours:
 *
 * <pre>{@code
 * {"flow": { ...Flow IR... },
 *  "entrypoints": [{"method": "POST", "route": "/greet", "trigger": "trigger", "capture": "respond",
 *                   "deadline_ms": 250}]}
 * }</pre>
 *
 * Reading it checks everything a host would otherwise find out on the first request: the IR's shape, upstream's
 * validator rules ({@link FlowValidator}, with upstream's diagnostic codes), the entrypoints, and that every node's
 * identifier has a handler. Portable: the Workers host reads its bundle the same way.
 */
public final class FlowBundle {
    /** One route into the flow; {@code deadlineMillis} is {@link Invocation#NO_DEADLINE} when none is given. */
    public static final class Entrypoint {
        private final String method;
        private final String route;
        private final String trigger;
        private final String capture;
        private final long deadlineMillis;

        Entrypoint(String method, String route, String trigger, String capture, long deadlineMillis) {
            this.method = method;
            this.route = route;
            this.trigger = trigger;
            this.capture = capture;
            this.deadlineMillis = deadlineMillis;
        }

        public String method() { return method; }
        public String route() { return route; }
        public String trigger() { return trigger; }
        public String capture() { return capture; }
        public long deadlineMillis() { return deadlineMillis; }
    }

    private final FlowIR flow;
    private final List<Entrypoint> entrypoints;

    private FlowBundle(FlowIR flow, List<Entrypoint> entrypoints) {
        this.flow = flow;
        this.entrypoints = Collections.unmodifiableList(entrypoints);
    }

    public FlowIR flow() { return flow; }

    public List<Entrypoint> entrypoints() { return entrypoints; }

    /** Reads and checks a bundle; every problem found is in the exception, not only the first. */
    public static FlowBundle read(String json, NodeRegistry registry) throws BundleException {
        JsonValue document;
        try {
            document = JsonParser.parse(json);
        } catch (JsonParseException e) {
            throw new BundleException(List.of("the bundle is not JSON: " + e.getMessage()));
        }
        if (!document.isObject() || !document.asObject().has("flow") || !document.asObject().has("entrypoints")) {
            throw new BundleException(List.of("a bundle is a JSON object with `flow` (Flow IR) and `entrypoints`"));
        }
        FlowIR flow;
        try {
            flow = FlowIrReader.read(document.asObject().get("flow"));
        } catch (FlowIrFormatException e) {
            throw new BundleException(List.of("`flow` is not Flow IR: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        for (Diagnostic d : FlowValidator.validate(flow)) {
            problems.add(d.code() + (d.subject() == null ? "" : " " + d.subject()) + ": " + d.message());
        }
        for (NodeIR node : flow.nodes()) {
            if (!registry.has(node.identifier())) {
                problems.add("node `" + node.alias() + "`: no handler is registered for `" + node.identifier() + "`");
            }
        }
        List<Entrypoint> entrypoints = entrypoints(document.asObject().get("entrypoints"), flow, problems);
        if (!problems.isEmpty()) throw new BundleException(problems);
        return new FlowBundle(flow, entrypoints);
    }

    /**
     * An HTTP host serving the bundle's entrypoints (and the run probe, as every flowconf host), its nodes run by
     * {@code registry}'s handlers on {@code platform}'s tasks and spill storage. No resources are bound.
     */
    public HttpHost host(NodeRegistry registry, ShippedCatalog.Platform platform) {
        RunLedger ledger = new RunLedger();
        LazyRuntime runtime = LazyRuntime.of(() -> platform.runtime(FlowRuntime.builder(flow, registry), ledger).build());
        List<FlowRoute> routes = new ArrayList<>();
        for (Entrypoint e : entrypoints) {
            routes.add(FlowRoute.of(e.method(), e.route(), runtime, e.capture()).trigger(e.trigger())
                    .deadline(e.deadlineMillis()));
        }
        return platform.host(routes, ledger);
    }

    private static List<Entrypoint> entrypoints(JsonValue value, FlowIR flow, List<String> problems) {
        List<Entrypoint> out = new ArrayList<>();
        if (!value.isArray() || value.asArray().size() == 0) {
            problems.add("`entrypoints` must be a non-empty array");
            return out;
        }
        Set<String> seen = new HashSet<>();
        JsonArray list = value.asArray();
        for (int i = 0; i < list.size(); i++) {
            String where = "entrypoints[" + i + "]";
            if (!list.get(i).isObject()) {
                problems.add(where + " must be an object");
                continue;
            }
            JsonObject e = list.get(i).asObject();
            String method = text(e, "method", where, problems);
            String route = text(e, "route", where, problems);
            String trigger = text(e, "trigger", where, problems);
            String capture = text(e, "capture", where, problems);
            long deadline = Invocation.NO_DEADLINE;
            if (e.has("deadline_ms")) {
                JsonValue d = e.get("deadline_ms");
                if (!d.isNumber() || d.asNumber().kind() == JsonNumber.Kind.F64
                        || d.asNumber().longBits() < 0) {
                    problems.add(where + ".deadline_ms must be a whole number of milliseconds, 0 or more");
                } else {
                    deadline = d.asNumber().longBits();
                }
            }
            if (method == null || route == null || trigger == null || capture == null) continue;
            if (!method.equals("GET") && !method.equals("POST")) problems.add(where + ".method must be GET or POST");
            if (!route.startsWith("/")) problems.add(where + ".route must start with /");
            if (flow.node(trigger) == null) problems.add(where + ".trigger: no node `" + trigger + "` in the flow");
            if (flow.node(capture) == null) problems.add(where + ".capture: no node `" + capture + "` in the flow");
            if (!seen.add(method + " " + route)) problems.add(where + ": " + method + " " + route + " twice");
            out.add(new Entrypoint(method, route, trigger, capture, deadline));
        }
        return out;
    }

    private static String text(JsonObject e, String key, String where, List<String> problems) {
        if (!e.has(key) || !e.get(key).isString()) {
            problems.add(where + "." + key + " must be a string");
            return null;
        }
        return e.get(key).asString().value();
    }
}
