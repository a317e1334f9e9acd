// ci/stress's driver: holds hosts that ci/stress started to four checks under stress, one host after the other,
// traffic only to 127.0.0.1, and prints one table (PASS/FAIL per host and check), also written to
// out/stress/latest.md. Exit status 1 when a row fails.
//
//   node host-workers/bench/stress.mjs --target NAME=URL --pid NAME=PID [--target … --pid …] [--quick]
//        --runner conformance/target/flowconf.jar [--keepalive-ms N]
//
// PID is the host's process as ci/stress started it (the JVM); for the Workers host the RSS is workerd's, found
// as that JVM's child. The checks (modules in stress/; what they share with bench.mjs, such as /proc sampling, the
// run probe and autocannon, in lib/):
//   1. load.mjs: POST /echo with autocannon (pinned by package-lock.json), every body checked.
//   2. storm.mjs + lib/probe.mjs: SSE clients leaving at random points (seeded), then the run probe must drain.
//   3. memory.mjs: RSS after each of several rounds of requests and a storm; flat or not.
//   4. isolation.mjs: `flowconf isolate`, the conformance runner's check of requests kept apart.
import fs from "node:fs";
import path from "node:path";
import { envNumber, flag, option, options } from "./lib/args.mjs";
import { fmt } from "./lib/format.mjs";
import { outDir } from "./lib/paths.mjs";
import { awaitNoActiveRuns, probeDelta } from "./lib/probe.mjs";
import { cpuWindow, memoryKib, workerdChildOf } from "./lib/proc.mjs";
import { armWatchdog, logTo, runDriver } from "./lib/processes.mjs";
import { machine, raw, section, timestamp, writeReport } from "./lib/report.mjs";
import { isolate } from "./stress/isolation.mjs";
import { loadEcho } from "./stress/load.mjs";
import { isFlat } from "./stress/memory.mjs";
import { freshSeed, seeded } from "./stress/rng.mjs";
import { storm, summarise } from "./stress/storm.mjs";
import { createTable } from "./stress/table.mjs";

const QUICK = flag("--quick");
const env = (name, normal, quick) => envNumber(name, QUICK ? quick : normal);

// Defaults: the issue's figures (50 connections × 30 s, 200 SSE clients); --quick for development.
const CFG = {
  connections: env("STRESS_CONNECTIONS", 50, 50),
  seconds: env("STRESS_SECONDS", 30, 5),
  sseClients: env("STRESS_SSE_CLIENTS", 200, 50),
  drainSeconds: env("STRESS_DRAIN_SECONDS", 10, 10),
  memoryRounds: env("STRESS_MEMORY_ROUNDS", 5, 3),
  memoryRequests: env("STRESS_MEMORY_REQUESTS", 5000, 1000),
  memoryTolerancePct: env("STRESS_MEMORY_TOLERANCE_PCT", 10, 10),
  isolationRequests: env("STRESS_ISOLATION_REQUESTS", 2000, 300),
  isolationInFlight: env("STRESS_ISOLATION_IN_FLIGHT", 100, 50),
  maxSeconds: env("STRESS_MAX_SECONDS", 540, 240),
  seed: process.env.STRESS_SEED ? Number(process.env.STRESS_SEED) >>> 0 : freshSeed(),
};

const OUT = outDir("stress");

function parseHosts() {
  const pids = Object.fromEntries(options("--pid").map((o) => o.split("=")));
  const hosts = options("--target").map((o) => {
    const [name, url] = [o.slice(0, o.indexOf("=")), o.slice(o.indexOf("=") + 1)];
    if (!pids[name]) throw new Error(`--target ${name} has no --pid ${name}=PID`);
    const pid = Number(pids[name]);
    const rssPid = name === "workers" ? workerdChildOf(pid) : pid;
    if (rssPid == null) throw new Error(`no workerd process among the children of ${pid}`);
    return { name, url, port: Number(new URL(url).port), pid, rssPid, cpuPids: [...new Set([pid, rssPid])],
      rssOf: name === "workers" ? "workerd" : "JVM" };
  });
  if (hosts.length === 0) throw new Error("no --target NAME=URL given");
  return hosts;
}

// ---------------------------------------------------------------------------------------------- 1. load

function loadFigures(r) {
  const statuses = Object.entries(r.statuses).map(([s, n]) => `${s}×${fmt.int(n)}`).join(" ");
  const sockets = Object.entries(r.socketErrors).map(([c, n]) => `${c}×${n}`).join(" ");
  return `${fmt.int(r.requests)} requests (${statuses || "none"}), ${fmt.int(r.perSecond)} req/s, p50 ${r.p50} ms, `
    + `p99 ${r.p99} ms, max ${r.max} ms; non-2xx ${r.non2xx}; socket errors ${r.errors} (timeouts ${r.timeouts}`
    + `${sockets ? `; ${sockets}` : ""}); bodies checked ${fmt.int(r.checked)}, wrong ${r.wrong}`;
}
/** The answers other than 200, by status: `504×2 503×1`. */
const otherStatuses = (r) => Object.entries(r.statuses).filter(([s]) => s !== "200").map(([s, n]) => `${s}×${n}`).join(" ");
const loadSound = (r) => r.requests > 0 && r.non2xx === 0 && r.errors === 0 && r.wrong === 0;
/** What makes a load run unsound, in a few words: `2 non-2xx (504×2)`, `1 socket errors`, `3 wrong bodies`. */
function loadFaults(r) {
  const faults = [];
  if (r.requests === 0) faults.push("no answer at all");
  if (r.non2xx) faults.push(`${r.non2xx} non-2xx (${otherStatuses(r)})`);
  if (r.errors) faults.push(`${r.errors} socket errors`);
  if (r.wrong) faults.push(`${r.wrong} wrong bodies`);
  return faults.join(", ");
}

async function loadPhase(host, table) {
  section(`${host.name}: 1. load, POST /echo, ${CFG.connections} connections × ${CFG.seconds} s (every body checked)`);
  const cpu = cpuWindow(host.cpuPids);
  const r = await loadEcho(host.url, { connections: CFG.connections, seconds: CFG.seconds });
  const { othersPct } = cpu.stop();
  raw(`  ${loadFigures(r)}`);
  raw(`  other processes on the machine used ${othersPct.toFixed(0)} % of a core meanwhile (the host and this driver excluded)`);
  if (r.statuses[504]) raw("  504 is s1's answer to a run that missed its 250 ms deadline (SPEC.md ENV-504-1)");
  for (const body of r.wrongShown) raw(`  wrong body: ${body}`);
  table.add(host.name, `Load: POST /echo, ${CFG.connections} conns × ${CFG.seconds} s`,
    `${fmt.int(r.requests)} req, ${fmt.int(r.perSecond)} req/s, p99 ${r.p99} ms, non-2xx ${r.non2xx}`
      + `${r.non2xx ? ` (${otherStatuses(r)})` : ""}, `
      + `socket errors ${r.errors}, bodies checked ${fmt.int(r.checked)} / wrong ${r.wrong}; others: ${othersPct.toFixed(0)} % of a core`,
    "0 non-2xx, 0 socket errors, 0 wrong bodies", loadSound(r));
}

// ---------------------------------------------------------------------------------------------- 2. storm

/** One storm and the probe's drain after it; `problems` lists what breaks the storm row's rule. */
async function stormAndDrain(host, rng) {
  // Runs of the load before may still be finishing (autocannon leaves with requests in flight): they are not the storm's.
  const settled = await awaitNoActiveRuns(host.url, CFG.drainSeconds * 1000);
  const before = settled.counts;
  const t0 = performance.now();
  const results = await storm(host.port, CFG.sseClients, rng);
  const stormMs = performance.now() - t0;
  const drain = await awaitNoActiveRuns(host.url, CFG.drainSeconds * 1000);
  const s = summarise(results);
  const d = probeDelta(before, drain.counts);
  const problems = [...s.errors];
  if (!settled.drained) problems.push(`${before.active} runs of the load before were still active after ${CFG.drainSeconds} s`);
  if (!drain.drained) problems.push(`${drain.counts.active} runs still active after ${CFG.drainSeconds} s`);
  if (d.started !== d.cancelled + d.completed) problems.push(`started ${d.started} ≠ cancelled ${d.cancelled} + completed ${d.completed}`);
  if (d.started < s.sawHead || d.started > s.clients) problems.push(`started ${d.started}, not between ${s.sawHead} and ${s.clients}`);
  if (d.cancelled < s.cancelRoutesWithHead) problems.push(`only ${d.cancelled} cancelled, but ${s.cancelRoutesWithHead} /cancel runs started`);
  if (d.completed > s.finiteRoutes) problems.push(`${d.completed} completed, but only ${s.finiteRoutes} clients asked for a finite stream`);
  return { s, d, drain, stormMs, before, settledMs: settled.ms, problems };
}

function stormFigures({ s, d, drain, stormMs }) {
  return `${s.clients} clients (${Object.entries(s.byRoute).map(([r, n]) => `${r} ${n}`).join(", ")}) in ${fmt.wholeMs(stormMs)}: `
    + `${s.beforeFirstByte} left before the first byte, ${s.midStream} mid-stream, ${s.afterEnd} after the end; `
    + `${s.resets} by RST; ${s.sawHead} got a 200 head. Probe Δ: started ${d.started} = cancelled ${d.cancelled} + `
    + `completed ${d.completed}; active ${drain.counts.active} ${drain.drained ? "" : "still "}after ${fmt.wholeMs(drain.ms)}`;
}

async function stormPhase(host, table, rng) {
  section(`${host.name}: 2. disconnect storm, ${CFG.sseClients} SSE clients (seed ${CFG.seed})`);
  const outcome = await stormAndDrain(host, rng);
  raw(`  probe before ${JSON.stringify(outcome.before)} (no run active after ${fmt.wholeMs(outcome.settledMs)}), `
    + `after ${JSON.stringify(outcome.drain.counts)}`);
  raw(`  ${stormFigures(outcome)}`);
  const { s, d, drain, problems } = outcome;
  for (const p of problems) raw(`  PROBLEM: ${p}`);
  table.add(host.name, `Disconnect storm: ${s.clients} SSE clients, seed ${CFG.seed}`,
    `${s.beforeFirstByte} before 1st byte / ${s.midStream} mid-stream / ${s.afterEnd} at end, ${s.resets} RST; `
      + `Δ started ${d.started} = cancelled ${d.cancelled} + completed ${d.completed}; active ${drain.counts.active} `
      + `after ${fmt.wholeMs(drain.ms)}${problems.length ? `; ${problems.length} problems: ${problems.slice(0, 2).join("; ")}` : ""}`,
    `0 client errors; active 0 within ${CFG.drainSeconds} s; Δ started = Δ cancelled + Δ completed ≥ clients `
      + "answered; every started /cancel run cancelled", problems.length === 0);
}

// ---------------------------------------------------------------------------------------------- 3. memory

async function memoryPhase(host, table, rng) {
  section(`${host.name}: 3. memory, VmRSS of the ${host.rssOf} (pid ${host.rssPid}) after each of ${CFG.memoryRounds} rounds `
    + `of ${fmt.int(CFG.memoryRequests)} POST /echo (${CFG.connections} connections) + a ${CFG.sseClients}-client storm`);
  raw(`  before the rounds: ${fmt.mib(memoryKib(host.rssPid).rss)}`);
  const samples = [];
  const problems = [];
  for (let round = 1; round <= CFG.memoryRounds; round++) {
    const load = await loadEcho(host.url, { connections: CFG.connections, amount: CFG.memoryRequests });
    const stormed = await stormAndDrain(host, rng);
    await new Promise((r) => setTimeout(r, 500)); // let the last connections close
    const { rss } = memoryKib(host.rssPid);
    samples.push(rss);
    raw(`  round ${round}: ${fmt.mib(rss)}; load: ${loadFigures(load)}`);
    raw(`           storm: ${stormFigures(stormed)}`);
    if (!loadSound(load)) problems.push(`round ${round}: ${loadFaults(load)}`);
    problems.push(...stormed.problems.map((p) => `round ${round}: ${p}`));
  }
  for (const p of problems) raw(`  PROBLEM: ${p}`);
  const flat = isFlat(samples, CFG.memoryTolerancePct);
  raw(`  ${flat ? "flat" : "NOT flat"}: round ${samples.length} ${fmt.mib(samples.at(-1))} vs round 2 ${fmt.mib(samples[1])} `
    + `(limit ${fmt.mib(samples[1] * (1 + CFG.memoryTolerancePct / 100))})`);
  // --quick's rounds are too short to judge: a young JVM's RSS grows while it first touches its heap (seen: +25 %
  // per round of 1 000 requests after a 5 s load), which says nothing about a leak.
  table.add(host.name, `Memory: RSS of ${host.rssOf}, ${CFG.memoryRounds} rounds × (${fmt.int(CFG.memoryRequests)} req + storm)`,
    `${fmt.mibs(samples)}${problems.length ? `; ${problems.join("; ")}` : ""}`,
    QUICK ? "rounds sound; flatness not judged in --quick (rounds too short)"
      : `round ${CFG.memoryRounds} ≤ round 2 + ${CFG.memoryTolerancePct} %; rounds sound`,
    problems.length > 0 ? false : QUICK ? null : flat);
}

// ---------------------------------------------------------------------------------------------- 4. isolation

async function isolationPhase(host, table, runnerJar) {
  section(`${host.name}: 4. isolation, ${fmt.int(CFG.isolationRequests)} interleaved requests of distinct users, `
    + `${CFG.isolationInFlight} in flight (flowconf isolate)`);
  const r = await isolate(runnerJar, host.name, host.url, { requests: CFG.isolationRequests, inFlight: CFG.isolationInFlight });
  for (const line of r.lines) raw(`  ${line}`);
  const measured = r.requests == null ? `no summary (exit ${r.exit})`
    : `${fmt.int(r.requests)} req to ${r.routes}, ${r.inFlight} in flight: ${r.mismatches} mismatches, ${r.failed} failed`;
  table.add(host.name, `Isolation: ${fmt.int(CFG.isolationRequests)} requests, distinct users`, measured,
    "0 mismatches (user, headers, query, payload, run id), 0 failed", r.exit === 0 && r.mismatches === 0 && r.failed === 0);
}

// ---------------------------------------------------------------------------------------------- main

async function main() {
  const started = performance.now();
  armWatchdog(CFG.maxSeconds, `ci/stress: aborted after ${CFG.maxSeconds} s (STRESS_MAX_SECONDS)`);
  logTo(path.join(OUT, "logs"));
  const hosts = parseHosts();
  const runnerJar = option("--runner");
  if (!runnerJar || !fs.existsSync(runnerJar)) throw new Error(`--runner ${runnerJar}: the conformance runner jar is missing`);
  const keepAlive = option("--keepalive-ms", "the hosts' own");
  const rng = seeded(CFG.seed);
  const table = createTable();
  raw(`seed ${CFG.seed} (STRESS_SEED=${CFG.seed} replays the storms' plans)${QUICK ? "; QUICK MODE" : ""}`);
  raw(`hosts: ${hosts.map((h) => `${h.name} ${h.url} (pid ${h.pid}${h.rssPid !== h.pid ? `, workerd ${h.rssPid}` : ""})`).join("; ")}; `
    + `SSE keep-alive ${keepAlive} ms`);
  for (const host of hosts) {
    await loadPhase(host, table);
    await stormPhase(host, table, rng);
    await memoryPhase(host, table, rng);
    await isolationPhase(host, table, runnerJar);
  }
  const seconds = (performance.now() - started) / 1000;
  const rendered = table.render();
  const { cpus, memory } = machine();
  const header = [
    `# ci/stress — ${timestamp()}${QUICK ? " (--quick)" : ""}`,
    "",
    `Machine: ${cpus}, ${memory}; `
      + `node ${process.version}. Hosts started fresh by ci/stress, SSE keep-alive ${keepAlive} ms, traffic only to 127.0.0.1.`,
    `Settings: load ${CFG.connections} connections × ${CFG.seconds} s; storm ${CFG.sseClients} SSE clients, seed ${CFG.seed}; `
      + `memory ${CFG.memoryRounds} rounds × (${CFG.memoryRequests} requests + storm), tolerance ${CFG.memoryTolerancePct} %; `
      + `isolation ${CFG.isolationRequests} requests, ${CFG.isolationInFlight} in flight. Driver: ${seconds.toFixed(0)} s.`,
    "",
  ].join("\n");
  const latest = path.join(OUT, "latest.md");
  writeReport(latest, header, rendered);
  console.log(`\n${rendered}\n`);
  console.log(`${table.failures.length ? "FAIL" : "PASS"}: ${table.failures.length} of ${table.rows.length} rows failed; `
    + `written to ${path.relative(process.cwd(), latest)}; driver took ${seconds.toFixed(0)} s`);
  return table.failures.length ? 1 : 0;
}

runDriver("ci/stress", main, 2);
