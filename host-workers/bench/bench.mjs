// ci/bench's driver: starts the hosts and their baselines on 127.0.0.1, measures (load with autocannon, pinned by
// package-lock.json), prints the raw figures as it goes and one table at the end, and writes the table to
// out/bench/latest.md. Numbers for the record: nothing here fails on a missed target.
// Kept in host-workers/ though it drives both hosts: it is node tooling, beside its JS baseline; top dirs are fixed.
//
//   node host-workers/bench/bench.mjs [--quick] [--skip-suite] [--jmh-json FILE] [--minimal-module DIR]
//                                      [--minimal-wasm-module DIR]
//
// --minimal-module: S1 by the kernel's JSON and text rules alone in TeaVM JavaScript (-Pminimal-s1; ci/bench builds
// it), for the context rows of sections 5 (what TeaVM and the least of the kernel cost) and 9.
// --minimal-wasm-module: the same in TeaVM Wasm GC, the Worker's backend (-Pminimal-s1 builds it too), for section 5's
// startup floor (what a cold start costs before any of the host's own code) and section 9.
//
// What is compared with what (all in this one run, on this machine), one module of sections/ each; what they share,
// also with stress.mjs and budget/budget.mjs, is in lib/:
//   1. throughput.mjs: Workers host (TeaVM module in workerd) vs plain-worker/entry.mjs in the same workerd, via the
//      same harness; for context also vs the plain worker doing SPEC's boundary work (POST /floor/echo).
//   2. throughput.mjs: Reference host (Jetty 12 + kernel) vs BareJettyEcho (same Jetty setup, S1 by hand, no kernel).
//      For both: req/s, p50, p99 and CPU per request (the serving process's own: workerd, not the harness JVM that
//      spawns it; the host's JVM), medians of the rounds with their min–max.
//   3. sse.mjs: time to first event on GET /stream and GET /site/stream; events/s on GET /bench/stream (10 000 items,
//      SPEC.md STREAM-2), which hosts and baselines all serve.
//   4. cancellation.mjs: client closes the socket after GET /cancel's first event → run probe shows cancelled + 1.
//   5. bundle.mjs, startup.mjs: bundle size; workerd start → first 200 (workerd spawned directly), and workerd's own
//      trace of compile/evaluate.
//   6. memory.mjs: RSS (VmRSS) of workerd and of the reference host's JVM after 100 and after 10 000 S1 requests.
//   7. suite.mjs: wall time of the conformance runner against freshly started hosts, alone and with a stalled target.
//   8. jmh.mjs: the kernel's JMH figures, when ci/bench ran JMH first (--jmh-json).
//   9. garbage.mjs: V8's own count of the JS heap per S1 request and of its young-generation collections, in the
//      Workers host and the plain worker, and the plain worker's p99 with a known amount of garbage added per request.
// They run in the order 5, 6, 1, 2, 3, 9, 4, 7, 8; the table is sorted by number.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { option } from "./lib/args.mjs";
import { CFG, OUT, QUICK, S1_BODY } from "./lib/config.mjs";
import { checkEcho, HOSTS, startHost } from "./lib/hosts.mjs";
import { DISTURBED_PCT, disturbance } from "./lib/load-round.mjs";
import { REFERENCE_JAR, REFERENCE_TEST_CLASSES, ROOT, WORKER_MODULE, WORKERD_BIN, WORKERD_JAR } from "./lib/paths.mjs";
import { awaitIdleMachine, clockTicks } from "./lib/proc.mjs";
import { armWatchdog, logTo, runDriver } from "./lib/processes.mjs";
import { machine, raw, section, timestamp, writeReport } from "./lib/report.mjs";
import { renderResults, row } from "./lib/results.mjs";
import { max, median } from "./lib/stats.mjs";
import { toolVersions } from "./lib/versions.mjs";
import { bundle } from "./sections/bundle.mjs";
import { cancellation } from "./sections/cancellation.mjs";
import { garbage } from "./sections/garbage.mjs";
import { jmh } from "./sections/jmh.mjs";
import { memoryAfterLoad, memoryGrowth } from "./sections/memory.mjs";
import { sse } from "./sections/sse.mjs";
import { startup } from "./sections/startup.mjs";
import { suite } from "./sections/suite.mjs";
import { throughputPair } from "./sections/throughput.mjs";

async function awaitQuiet() {
  const { pct, idle } = await awaitIdleMachine(CFG.quietWaitSeconds, (busy) => console.log(`  waiting for a quiet machine: `
    + `${busy.toFixed(0)} % of a core busy (other processes); up to ${CFG.quietWaitSeconds} s`));
  raw(idle ? `machine idle enough: ${pct.toFixed(0)} % of a core busy over 2 s`
    : `WARNING: the machine stayed busy (${pct.toFixed(0)} % of a core used by other processes); figures will be disturbed`);
}

/** Sections 1, 2, 3, 4, 6 and 9 on the four hosts, started once for them all. */
async function hostSections() {
  section("starting the Workers host, the plain JS worker, the reference host and the bare Jetty handler");
  const kinds = Object.keys(HOSTS);
  // started at once, listed in HOSTS's order whichever is up first
  const started = await Promise.all(kinds.map((kind) => startHost(kind)));
  const hosts = Object.fromEntries(kinds.map((kind, i) => [kind, started[i]]));
  for (const h of Object.values(hosts)) raw(`  ${h.label.padEnd(34)} ${h.url}  pid ${h.pid}  log ${path.relative(ROOT, h.entry.logPath)}`);
  try {
    await memoryGrowth(Object.values(hosts));
    for (const h of Object.values(hosts)) await checkEcho(h);
    await throughputPair(1, hosts.workers, hosts.plain, true);
    // Context, no target: how far the Workers host is from a plain worker that also does what SPEC obliges every host
    // to do before its flow runs (same workerd process as the plain worker, another route).
    const floor = { ...hosts.plain, kind: "floor", label: "plain JS + SPEC's boundary work", echoPath: "/floor/echo" };
    await checkEcho(floor);
    await throughputPair(1, hosts.workers, floor, false, false);
    // Context too: that floor against the plain worker, with the Workers host's targets, to show what they leave any
    // conforming host (issue 13: where a target is out of reach, the figures that say so, in every run).
    await throughputPair(1, floor, hosts.plain, false, false, true);
    await throughputPair(2, hosts.reference, hosts.bare, false);
    memoryAfterLoad(Object.values(hosts));
    await sse(hosts);
    await garbage(option("--minimal-module"), option("--minimal-wasm-module"));
    const defaultWorkers = await startHost("workers", { keepAliveMs: null });
    try {
      await cancellation([
        { host: hosts.reference, label: "reference host", targetMs: 50, targetText: "≤ 50 ms" },
        { host: hosts.workers, label: `Workers host, keep-alive ${CFG.keepAliveMs} ms`, targetMs: CFG.keepAliveMs + 50,
          targetText: `≤ ${CFG.keepAliveMs} + 50 ms` },
        // SPEC's 15 s keep-alive never fires on /cancel, whose ticks (every 100 ms) are then the only writes
        { host: defaultWorkers, label: "Workers host, default keep-alive (15 s; ticks every 100 ms)", targetMs: 150,
          targetText: "≤ 100 + 50 ms" },
      ]);
    } finally {
      await defaultWorkers.stop();
    }
  } finally {
    await Promise.all(Object.values(hosts).map((h) => h.stop()));
  }
}

function reportHeader(info, loadBefore, elapsed, legend) {
  const others = disturbance.othersPct;
  return [
    `# ci/bench — ${timestamp()}`,
    "",
    `Machine: ${info.cpus}, ${info.memory}, ${info.kernel}. Load average at start ${loadBefore.map((x) => x.toFixed(2)).join(" ")}, `
      + `at end ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}.`,
    `Versions: ${info.java}; node ${info.node}; ${info.workerd}; autocannon ${info.autocannon}.`,
    `Load: autocannon (one Node thread on the same 2 cores as the server), POST /echo \`${S1_BODY}\`; `
      + `${CFG.rounds} rounds × ${CFG.seconds} s per target and connection count after ${CFG.warmupSeconds} s warm-up, `
      + "rounds alternating between the two targets; medians of the rounds. SSE keep-alive 50 ms on every host unless said otherwise.",
    `Other processes used ${others.length ? `${median(others).toFixed(0)} % of a core (median; max ${max(others).toFixed(0)} %)` : "n/a"} `
      + `during the load runs, warm-ups included (ideally ~0); ${disturbance.repeated} round(s) repeated because others used more than `
      + `${DISTURBED_PCT} % of a core, ${disturbance.kept} such round(s) kept (repeat budget ${CFG.maxRepeats}).`,
    legend,
    `Driver: ${elapsed.toFixed(0)} s.${QUICK ? " QUICK MODE: rough figures." : ""}`,
    "",
  ].join("\n");
}

async function main() {
  const started = performance.now();
  armWatchdog(CFG.maxSeconds, `ci/bench: aborted after ${CFG.maxSeconds} s (BENCH_MAX_SECONDS)`);
  logTo(path.join(OUT, "logs"));
  for (const f of [REFERENCE_JAR, WORKERD_JAR, path.join(WORKER_MODULE, "entry.mjs"), WORKERD_BIN, path.join(REFERENCE_TEST_CLASSES,
    "dev/flowconf/reference/bench/BareJettyEcho.class")]) {
    if (!fs.existsSync(f)) throw new Error(`missing ${f}: run ci/bench (it builds), or ci/setup and ./mvnw package`);
  }
  const info = { ...machine(), ...toolVersions() };
  const loadBefore = os.loadavg();
  raw(`machine: ${info.cpus}, ${info.memory}, ${info.kernel}; load average at start ${loadBefore.map((x) => x.toFixed(2)).join(" ")}`);
  raw(`versions: ${info.java}; node ${info.node}; ${info.workerd}; autocannon ${info.autocannon}`);
  raw(`settings: ${CFG.rounds} rounds × ${CFG.seconds} s after ${CFG.warmupSeconds} s warm-up per target and connection count; `
    + `SSE keep-alive ${CFG.keepAliveMs} ms on every host unless said otherwise${QUICK ? "; QUICK MODE (figures are rough)" : ""}`);

  if (CFG.quietWaitSeconds > 0) await awaitQuiet();
  bundle();
  await startup(option("--minimal-module"), option("--minimal-wasm-module"));
  await hostSections();
  if (CFG.suite) await suite();
  else row(7, "Conformance suite wall time", "skipped (--skip-suite)", "—", "—", "≤ 60 s", undefined);
  jmh(option("--jmh-json"));

  const elapsed = (performance.now() - started) / 1000;
  const table = renderResults();
  const legend = `Noise: in parentheses the min–max of the ${CFG.rounds} round(s) behind each median (throughput, p99, CPU); a ratio's `
    + "range is that of round r of the host over round r of its baseline, run one right after the other. CPU per request: the "
    + "serving process's own CPU time in the round (workerd itself, not the harness JVM that spawns it; the host's JVM), "
    + "summed over its threads from /proc/<pid>/task/*/schedstat (ns; utime + stime from /proc/<pid>/stat, "
    + `1/${clockTicks()} s ticks, if a thread exited in the round), over the responses it gave in that round.`;
  const latest = path.join(OUT, "latest.md");
  writeReport(latest, reportHeader(info, loadBefore, elapsed, legend), table);
  console.log();
  console.log(table);
  console.log(`\n${legend}`);
  console.log(`\nwritten to ${path.relative(process.cwd(), latest)}; driver took ${elapsed.toFixed(0)} s`);
}

runDriver("ci/bench", main, 1);
