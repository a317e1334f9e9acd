package dev.flowconf.kernel.validate;

import static dev.flowconf.kernel.validate.TestFlowBuilder.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowconf.kernel.ir.FlowIR;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FlowValidatorTests {
    /** A flow with one defect when bad, and the same flow with it repaired when not. */
    interface Twin {
        TestFlowBuilder flow(boolean bad);
    }

    private static Arguments twin(String name, String code, Twin twin) {
        return Arguments.of(code + " " + name, code, twin);
    }

    // An if surface on t with branches x / y, both edges present.
    private static final String IF_T = "{'v':1,'source':'t','selector_pointer':'/flag','then':'x','else':'y'}";
    private static final String SWITCH_T =
            "{'v':1,'source':'t','selector_pointer':'/mode','cases':{'a':'x'},'default':'y'}";

    private static TestFlowBuilder branching() {
        return flow().trigger("t").node("x").node("y").edge("t", "x").edge("t", "y");
    }

    static Stream<Arguments> checks() {
        return Stream.of(
                twin("duplicate alias", "DAG205", bad -> flow().trigger("t").node("a").node(bad ? "a" : "b")),
                twin("second trigger", "DAG104", bad -> bad
                        ? flow().trigger("t").trigger("t2")
                        : flow().trigger("t").node("t2")),
                twin("second trigger, allow_multiple_triggers false (twin: true)", "DAG104", bad -> flow().trigger("t").trigger("t2")
                        .policies("{'lint':{'require_control_hints':false,'allow_multiple_triggers':" + !bad + "}}")),
                twin("edge to unknown node", "DAG202", bad -> flow().trigger("t").node("a")
                        .edge("t", bad ? "ghost" : "a")),
                twin("edge from unknown node", "DAG202", bad -> flow().trigger("t").node("a")
                        .edge(bad ? "ghost" : "t", "a")),
                twin("cycle", "DAG200", bad -> flow().trigger("t").node("a").node("b")
                        .edge("t", "a").edge("a", "b").edge(bad ? "b" : "t", bad ? "a" : "b")),
                twin("self loop", "DAG200", bad -> flow().trigger("t").node("a").edge(bad ? "a" : "t", "a")),
                twin("named types differ", "DAG201", bad -> flow()
                        .node("t", "{'kind':'trigger','out_schema':{'kind':'named','name':'X'}}")
                        .node("a", "{'in_schema':{'kind':'named','name':'" + (bad ? "Y" : "X") + "'}}")
                        .edge("t", "a")),
                twin("named types differ (twin: opaque input)", "DAG201", bad -> flow()
                        .node("t", "{'kind':'trigger','out_schema':{'kind':'named','name':'X'}}")
                        .node("a", bad ? "{'in_schema':{'kind':'named','name':'Y'}}" : "{}")
                        .edge("t", "a")),
                twin("effectful without key", "DAG004", bad -> flow().trigger("t")
                        .node("a", "{'effects':'effectful','idempotency':" + (bad ? "{}" : "{'key':'k'}") + "}")),
                twin("http write below effectful", "EFFECT201", bad -> flow().trigger("t")
                        .node("a", "{'effects':'" + (bad ? "read_only" : "effectful") + "','idempotency':{'key':'k'},"
                                + "'effectHints':['resource::http::write']}")),
                twin("http read while pure", "EFFECT201", bad -> flow().trigger("t")
                        .node("a", "{'effects':'" + (bad ? "pure" : "read_only") + "',"
                                + "'effectHints':['resource::http::read']}")),
                twin("db write below effectful", "EFFECT201", bad -> flow().trigger("t")
                        .node("a", "{'effects':'" + (bad ? "read_only" : "effectful") + "','idempotency':{'key':'k'},"
                                + "'effectHints':['resource::db::write']}")),
                twin("clock while stable", "DET302", bad -> flow().trigger("t")
                        .node("a", "{'determinism':'" + (bad ? "stable" : "best_effort") + "',"
                                + "'determinismHints':['resource::clock']}")),
                twin("rng while strict", "DET302", bad -> flow().trigger("t")
                        .node("a", "{'determinism':'" + (bad ? "strict" : "nondeterministic") + "',"
                                + "'determinismHints':['resource::rng']}")),
                twin("http::read counts as http (prefix match)", "DET302", bad -> flow().trigger("t")
                        .node("a", "{'determinism':'" + (bad ? "stable" : "best_effort") + "',"
                                + "'determinismHints':['resource::http::read']}")),
                twin("exactly_once target without dedupe hint", "EXACT001", bad -> flow().trigger("t")
                        .node("a", "{'idempotency':{'key':'k','ttlMs':300000},'effectHints':"
                                + (bad ? "[]" : "['resource::dedupe::write']") + "}")
                        .edge("t", "a", "{'delivery':'exactly_once'}")),
                twin("exactly_once target without key", "EXACT002", bad -> flow().trigger("t")
                        .node("a", "{'idempotency':{" + (bad ? "" : "'key':'k',") + "'ttlMs':300000},"
                                + "'effectHints':['resource::dedupe::write']}")
                        .edge("t", "a", "{'delivery':'exactly_once'}")),
                twin("exactly_once ttl below 300000", "EXACT003", bad -> flow().trigger("t")
                        .node("a", "{'idempotency':{'key':'k','ttlMs':" + (bad ? 299999 : 300000) + "},"
                                + "'effectHints':['resource::dedupe::write']}")
                        .edge("t", "a", "{'delivery':'exactly_once'}")),
                twin("exactly_once without ttl", "EXACT003", bad -> flow().trigger("t")
                        .node("a", "{'idempotency':{'key':'k'" + (bad ? "" : ",'ttlMs':600000") + "},"
                                + "'effectHints':['resource::dedupe::write']}")
                        .edge("t", "a", "{'delivery':'exactly_once'}")),
                twin("zero timeout", "CTRL101", bad -> flow().trigger("t").node("a")
                        .edge("t", "a", "{'timeout_ms':" + (bad ? 0 : 1) + "}")),
                twin("zero buffer", "CTRL102", bad -> flow().trigger("t").node("a")
                        .edge("t", "a", "{'buffer':{'max_items':" + (bad ? 0 : 1) + "}}")),
                twin("spill tier without max_items", "SPILL001", bad -> flow().trigger("t")
                        .node("a", "{'effects':'effectful','idempotency':{'key':'k'},"
                                + "'effectHints':['resource::blob::write']}")
                        .edge("t", "a", "{'buffer':{'spill_tier':'local'" + (bad ? "" : ",'max_items':1") + "}}")),
                twin("spill tier without blob hint", "SPILL002", bad -> flow().trigger("t")
                        .node("a", "{'effectHints':" + (bad ? "['resource::kv::write']" : "['resource::blob::write']")
                                + "}")
                        .edge("t", "a", "{'buffer':{'spill_tier':'local','max_items':1}}")),
                twin("if config v 2", "CTRL120", bad -> branching()
                        .surface("if:t:0", "if", "t,x,y", IF_T.replace("'v':1", bad ? "'v':2" : "'v':1"))),
                twin("if config not an object", "CTRL120", bad -> branching()
                        .surface("if:t:0", "if", "t,x,y", bad ? "[]" : IF_T)),
                twin("if source missing from targets", "CTRL120", bad -> branching()
                        .surface("if:t:0", "if", bad ? "x,y" : "t,x,y", IF_T)),
                twin("if branch missing from targets", "CTRL120", bad -> branching()
                        .surface("if:t:0", "if", bad ? "t,x" : "t,x,y", IF_T)),
                twin("if branch names unknown node", "CTRL120", bad -> branching()
                        .surface("if:t:0", "if", "t,x,y", bad ? IF_T.replace("'else':'y'", "'else':'ghost'") : IF_T)),
                twin("if without else", "CTRL120", bad -> branching()
                        .surface("if:t:0", "if", "t,x,y", bad ? IF_T.replace(",'else':'y'", "") : IF_T)),
                twin("if selector is not a pointer", "CTRL120", bad -> branching()
                        .surface("if:t:0", "if", "t,x,y", bad ? IF_T.replace("'/flag'", "'flag'") : IF_T)),
                twin("if branch without edge", "CTRL121", bad -> flow().trigger("t").node("x").node("y")
                        .edge("t", "x").edge(bad ? "x" : "t", "y")
                        .surface("if:t:0", "if", "t,x,y", IF_T)),
                twin("two ifs on one source", "CTRL122", bad -> branching().node("z").edge("x", "z").edge("x", "y")
                        .surface("if:t:0", "if", "t,x,y", IF_T)
                        .surface("if:t:1", "if", bad ? "t,x,y" : "x,z,y", bad ? IF_T
                                : "{'v':1,'source':'x','selector_pointer':'/flag','then':'z','else':'y'}")),
                twin("switch config v 0", "CTRL110", bad -> branching()
                        .surface("switch:t:0", "switch", "t,x,y",
                                SWITCH_T.replace("'v':1", bad ? "'v':0" : "'v':1"))),
                twin("switch cases not an object", "CTRL110", bad -> branching()
                        .surface("switch:t:0", "switch", "t,x,y",
                                bad ? SWITCH_T.replace("{'a':'x'}", "['x']") : SWITCH_T)),
                twin("switch case names unknown node", "CTRL110", bad -> branching()
                        .surface("switch:t:0", "switch", "t,x,y",
                                bad ? SWITCH_T.replace("'a':'x'", "'a':'x','b':'ghost'") : SWITCH_T)),
                twin("switch default not a string", "CTRL110", bad -> branching()
                        .surface("switch:t:0", "switch", "t,x,y",
                                bad ? SWITCH_T.replace("'default':'y'", "'default':null") : SWITCH_T)),
                twin("switch default missing from targets", "CTRL110", bad -> branching()
                        .surface("switch:t:0", "switch", bad ? "t,x" : "t,x,y", SWITCH_T)),
                twin("switch case without edge", "CTRL111", bad -> flow().trigger("t").node("x").node("y")
                        .edge(bad ? "y" : "t", "x").edge("t", "y")
                        .surface("switch:t:0", "switch", "t,x,y", SWITCH_T)),
                twin("two switches on one source", "CTRL112", bad -> branching().node("z").edge("x", "z")
                        .edge("x", "y")
                        .surface("switch:t:0", "switch", "t,x,y", SWITCH_T)
                        .surface("switch:t:1", "switch", bad ? "t,x,y" : "x,z,y", bad ? SWITCH_T
                                : "{'v':1,'source':'x','selector_pointer':'/mode','cases':{'a':'z'},'default':'y'}")),
                twin("rate_limit qps 0", "CTRL130", bad -> flow().trigger("t")
                        .surface("rate_limit:0", "rate_limit", "",
                                "{'v':1,'target':'t','qps':" + (bad ? 0 : 1) + ",'burst':1}")),
                twin("rate_limit without config", "CTRL130", bad -> flow().trigger("t")
                        .surface("rate_limit:0", "rate_limit", "",
                                bad ? "null" : "{'v':1,'target':'t','qps':1,'burst':1}")),
                twin("for_each without body_entry", "CTRL130", bad -> flow().trigger("t").node("a").edge("t", "a")
                        .surface("for_each:0", "for_each", "", "{'v':1,'source':'t','items_pointer':'/items'"
                                + (bad ? "" : ",'body_entry':'a'") + "}")),
                twin("window size_ms 0", "CTRL130", bad -> flow().trigger("t")
                        .surface("window:0", "window", "", "{'v':1,'event_time_pointer':'/ts','size_ms':"
                                + (bad ? 0 : 1000) + ",'allowed_lateness_ms':0,'watermark':'bounded'}")),
                twin("error_handler unknown strategy", "CTRL130", bad -> flow().trigger("t")
                        .surface("error_handler:0", "error_handler", "", "{'v':1,'scope':{'nodes':['t']},"
                                + "'strategy':'" + (bad ? "explode" : "retry") + "','max_retries':3,'backoff_ms':10}")),
                twin("error_handler max_retries not a count", "CTRL130", bad -> flow().trigger("t")
                        .surface("error_handler:0", "error_handler", "", "{'v':1,'scope':{'nodes':['t']},"
                                + "'strategy':'retry','max_retries':" + (bad ? "-1" : "0") + "}")),
                twin("partition empty key", "CTRL130", bad -> flow().trigger("t").node("a").edge("t", "a")
                        .surface("partition:0", "partition", "", "{'v':1,'edge':{'from':'t','to':'a'},'key':'"
                                + (bad ? "" : "/tenant") + "'}")),
                twin("rate_limit unknown target", "CTRL131", bad -> flow().trigger("t")
                        .surface("rate_limit:0", "rate_limit", "",
                                "{'v':1,'target':'" + (bad ? "ghost" : "t") + "','qps':1,'burst':1}")),
                twin("error_handler unknown scope node", "CTRL131", bad -> flow().trigger("t")
                        .surface("error_handler:0", "error_handler", "", "{'v':1,'scope':{'nodes':['"
                                + (bad ? "ghost" : "t") + "']},'strategy':'fail'}")),
                twin("for_each unknown body_entry", "CTRL131", bad -> flow().trigger("t").node("a").edge("t", "a")
                        .surface("for_each:0", "for_each", "", "{'v':1,'source':'t','items_pointer':'/items',"
                                + "'body_entry':'" + (bad ? "ghost" : "a") + "'}")),
                twin("for_each without source→body_entry edge", "CTRL132", bad -> flow().trigger("t").node("a")
                        .node("b").edge("t", bad ? "b" : "a")
                        .surface("for_each:0", "for_each", "",
                                "{'v':1,'source':'t','items_pointer':'/items','body_entry':'a'}")),
                twin("partition of a missing edge", "CTRL132", bad -> flow().trigger("t").node("a").node("b")
                        .edge("t", "a")
                        .surface("partition:0", "partition", "", "{'v':1,'edge':{'from':'t','to':'"
                                + (bad ? "b" : "a") + "'},'key':'/tenant'}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void eachCheckFlagsItsBadFlowAndPassesTheRepairedTwin(String name, String code, Twin twin) {
        FlowIR bad = twin.flow(true).build();
        FlowIR good = twin.flow(false).build();
        assertEquals(List.of(code), codes(FlowValidator.validate(bad)), () -> name + ": " + FlowValidator.validate(bad));
        assertEquals(List.of(), FlowValidator.validate(good), name + " (repaired twin)");
    }

    @Test
    void s5RateLimitSurfacePassesValidationAndIsLeftToTheRuntime() {
        // upstream-flow-ir.md, s5: "The flow validates (structural check passes) but the runtime rejects it".
        FlowIR s5 = flow()
                .node("trigger", "{'kind':'trigger','effects':'read_only','name':'HttpTrigger'}")
                .node("passthrough", "{'determinism':'best_effort','name':'PassThrough'}")
                .node("capture", "{'determinism':'best_effort','name':'Capture'}")
                .edge("trigger", "passthrough").edge("passthrough", "capture")
                .surface("rate_limit:0", "rate_limit", "", "{'v':1,'target':'trigger','qps':1,'burst':1}")
                .build();
        assertEquals(List.of(), FlowValidator.validate(s5));
    }

    @Test
    void loopAndTimeoutHaveNoDocumentedShapeSoAnyConfigPasses() {
        FlowIR flow = flow().trigger("t")
                .surface("loop:0", "loop", "", "{'anything':true}")
                .surface("timeout:0", "timeout", "ghost", "null")
                .build();
        assertEquals(List.of(), FlowValidator.validate(flow));
    }

    @Test
    void allProblemsComeBackTogetherInUpstreamCheckOrder() {
        // Declared so that declaration order differs from check order: surfaces in reverse kind
        // order, the spill edge before the exactly-once edge, hint problems before the duplicate alias.
        FlowIR flow = flow()
                .trigger("t")
                .node("clock", "{'determinism':'strict','determinismHints':['resource::clock']}")
                .node("http", "{'effects':'pure','effectHints':['resource::http::read']}")
                .node("pay", "{'effects':'effectful','out_schema':{'kind':'named','name':'Receipt'}}")
                .node("sink", "{'in_schema':{'kind':'named','name':'Invoice'}}")
                .trigger("t2")
                .node("dup").node("dup")
                .edge("t", "pay", "{'buffer':{'spill_tier':'local'}}")
                .edge("pay", "sink", "{'delivery':'exactly_once','timeout_ms':0,'buffer':{'max_items':0}}")
                .edge("sink", "pay")
                .edge("t", "ghost")
                .surface("rate_limit:0", "rate_limit", "", "{'v':1,'target':'t','qps':0,'burst':1}")
                .surface("switch:t:0", "switch", "t", "{'v':1}")
                .surface("if:t:0", "if", "t", "{'v':1}")
                .build();
        assertEquals(List.of("DAG205", "DAG104", "DAG202", "DAG200", "DAG201", "DAG004", "EFFECT201", "DET302",
                        "EXACT001", "EXACT002", "EXACT003", "CTRL101", "CTRL102", "SPILL001", "SPILL002",
                        "CTRL120", "CTRL110", "CTRL130"),
                codes(FlowValidator.validate(flow)), () -> FlowValidator.validate(flow).toString());
    }

    @Test
    void cycleAndMissingBlobHintAreReportedOncePerFlow() {
        FlowIR flow = flow().trigger("t").node("a").node("b").node("c")
                .edge("t", "a").edge("a", "t").edge("b", "c").edge("c", "b")
                .edge("t", "b", "{'buffer':{'spill_tier':'local','max_items':1}}")
                .edge("t", "c", "{'buffer':{'spill_tier':'local','max_items':1}}")
                .build();
        assertEquals(List.of("DAG200", "SPILL002"), codes(FlowValidator.validate(flow)));
    }

    @Test
    void hintRulesMatchByPrefixAndIgnoreUnregisteredHints() {
        FlowIR flow = flow().trigger("t")
                // resource::http::write needs effectful; resource::http (determinism) also covers it.
                .node("w", "{'effects':'read_only','determinism':'stable',"
                        + "'effectHints':['resource::http::write'],'determinismHints':['resource::http::write']}")
                // Nothing is registered for kv: any level passes.
                .node("kv", "{'effectHints':['resource::kv::write'],'determinismHints':['resource::kv']}")
                .build();
        List<Diagnostic> found = FlowValidator.validate(flow);
        assertEquals(List.of("EFFECT201", "DET302"), codes(found));
        assertEquals("w", found.get(0).subject());
    }

    @Test
    void secondIfOnASourceIsTheOneReported() {
        FlowIR flow = branching()
                .surface("if:t:0", "if", "t,x,y", IF_T)
                .surface("if:t:1", "if", "t,x,y", IF_T)
                .build();
        List<Diagnostic> found = FlowValidator.validate(flow);
        assertEquals(List.of("CTRL122"), codes(found));
        assertEquals("if:t:1", found.get(0).subject());
    }

    @Test
    void diagnosticNamesItsSubject() {
        FlowIR flow = flow().trigger("t").node("a").edge("t", "a", "{'timeout_ms':0}").build();
        Diagnostic d = FlowValidator.validate(flow).get(0);
        assertEquals("t->a", d.subject());
        assertEquals("CTRL101: edge t->a has timeout_ms 0; a timeout must be positive", d.toString());
    }

    static List<String> codes(List<Diagnostic> diagnostics) {
        List<String> codes = new ArrayList<>();
        for (Diagnostic d : diagnostics) codes.add(d.code());
        return codes;
    }
}
