// Section 5, startup: workerd spawned directly → first 200 on POST /echo, the Workers module against the plain
// worker, in turn with the startup floor (TeaVM Wasm GC doing S1 with the least of the kernel); then workerd's own
// trace of compiling and evaluating them, with context runs (see tracedStartup), and V8's trace of the Wasm modules.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CFG } from "../lib/config.mjs";
import { fmt } from "../lib/format.mjs";
import { HOSTS } from "../lib/hosts.mjs";
import { PLAIN_MODULE, WORKER_JS_MODULE, WORKER_MODULE } from "../lib/paths.mjs";
import { WASM_CATEGORIES, wasmStartup, workerStartup } from "../lib/perfetto.mjs";
import { raw, section } from "../lib/report.mjs";
import { row } from "../lib/results.mjs";
import { median, quantile } from "../lib/stats.mjs";
import { startWorkerd } from "../lib/workerd.mjs";

/** Spawn → first 200 on POST /echo, in ms; workerd is stopped again. */
async function coldStart(moduleDir, name, options) {
  const workerd = await startWorkerd(moduleDir, `startup-${name}`, options);
  await workerd.stop();
  return workerd.readyMs;
}

/**
 * One traced cold start: `read(traceFile, readyMs)` of its trace (`categories`), which is deleted again; null, said in
 * the log, when the trace cannot be read.
 */
async function tracedColdStart(moduleDir, name, categories, read) {
  const traceFile = path.join(os.tmpdir(), `flowconf-bench-${process.pid}-${name}.pftrace`);
  try {
    const readyMs = await coldStart(moduleDir, name, { traceFile, traceCategories: categories });
    return read(traceFile, readyMs);
  } catch (e) {
    raw(`  ${name}: trace unreadable (${e.message})`);
    return null;
  } finally {
    fs.rmSync(traceFile, { force: true });
  }
}

/**
 * A temp module dir: the plain worker, unchanged, with the host's JavaScript build in its bundle (a module of the
 * config) that nothing imports. workerd compiles it all the same, so code cannot be kept out of compile by putting it
 * in a module imported later (and a Worker may not compile code from strings).
 */
function plainCarryingHostModule() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flowconf-bench-carrying-"));
  fs.copyFileSync(path.join(WORKER_JS_MODULE, "flowconf-host.js"), path.join(dir, "flowconf-host.js"));
  fs.copyFileSync(path.join(PLAIN_MODULE, "entry.mjs"), path.join(dir, "entry.mjs"));
  return dir;
}

const FLOOR_LABEL = "TeaVM Wasm S1, kernel JSON + text only";

/**
 * minimalModule: S1 by the kernel's JSON and text rules alone in TeaVM JavaScript (-Pminimal-s1), for a context row,
 * or undefined. minimalWasmModule: the same in TeaVM Wasm GC, the Worker's backend, or undefined: the startup floor,
 * cold started in turn with the other two.
 */
export async function startup(minimalModule, minimalWasmModule) {
  const modules = { workers: WORKER_MODULE, plain: PLAIN_MODULE };
  if (minimalWasmModule) modules.floor = minimalWasmModule;
  const kinds = Object.keys(modules);
  section(`5. Startup: spawn workerd → first 200 on POST /echo, ${CFG.startupTries} tries each, in turn`);
  const times = Object.fromEntries(kinds.map((kind) => [kind, []]));
  for (let i = 0; i < CFG.startupTries; i++) {
    const order = i % 2 === 0 ? kinds : [...kinds].reverse();
    for (const kind of order) times[kind].push(await coldStart(modules[kind], kind));
  }
  const label = (kind) => (kind === "floor" ? FLOOR_LABEL : HOSTS[kind].label);
  for (const kind of kinds) {
    raw(`  ${label(kind).padEnd(38)} ${times[kind].map((t) => t.toFixed(1)).join(" ")} ms  → median ${fmt.ms(median(times[kind]))}`);
  }
  const w = median(times.workers);
  const p = median(times.plain);
  const quartiles = (kind) => `p25–p75 ${fmt.ms(quantile(times[kind], 0.25))}–${fmt.ms(quantile(times[kind], 0.75))}`;
  row(5, "Startup: workerd spawn → first 200 (median)", `Workers ${fmt.ms(w)} (${quartiles("workers")})`,
    `plain JS ${fmt.ms(p)} (${quartiles("plain")})`, `+${fmt.ms(w - p)}`, "≤ plain JS + 10 ms", w - p <= 10);
  const floorWhat = "Startup floor: a TeaVM Wasm GC module doing S1 with the kernel's JSON and text rules alone (context)";
  if (modules.floor) {
    const f = median(times.floor);
    const kb = (name) => `${(fs.statSync(path.join(minimalWasmModule, name)).size / 1024).toFixed(0)} kB`;
    row(5, floorWhat, `${fmt.ms(f)} (${quartiles("floor")})`, `plain JS ${fmt.ms(p)}`, `+${fmt.ms(f - p)}`, "—", null,
      `what TeaVM's Wasm GC runtime and loader and the least of the kernel cost a cold start, in turn with the two above `
        + `(${kb("flowconf-host.wasm")} module, ${kb("flowconf-host.js")} glue; dev/flowconf/workers/measure/MinimalS1.java, `
        + `no executor, routes, HTTP mapping or error taxonomy); the Workers host beyond it: +${fmt.ms(w - f)}`);
  } else {
    row(5, floorWhat, "not measured (no --minimal-wasm-module)", "—", "—", "—", null);
  }
  await tracedStartup(minimalModule);
  await wasmCompile(minimalWasmModule);
}

/**
 * The budget line startup leaves: V8's own trace of the Workers module's Wasm while it starts, how many functions (and
 * bytes of them) it compiled on their first call during the evaluation and the first request, how long TeaVM's
 * initializer (the module's start function) ran, and the validation; the same for the startup floor's module when
 * there is one. Counts and sizes are exact; traced times run long.
 */
async function wasmCompile(minimalWasmModule) {
  const modules = { workers: WORKER_MODULE };
  if (minimalWasmModule) modules.floor = minimalWasmModule;
  section(`5. The Wasm modules as V8's trace reports them (${CFG.tracedTries} more tries each)`);
  const runs = Object.fromEntries(Object.keys(modules).map((kind) => [kind, []]));
  for (let i = 0; i < CFG.tracedTries; i++) {
    for (const [kind, dir] of Object.entries(modules)) {
      const run = await tracedColdStart(dir, `${kind}-wasm-traced`, WASM_CATEGORIES, wasmStartup);
      if (run) runs[kind].push(run);
    }
  }
  const what = "Wasm functions V8 compiled on their first call (V8's trace; context)";
  const usable = (kind) => runs[kind].length > 0 && runs[kind].every((r) => r.validateMs != null && r.startMs != null);
  if (!usable("workers")) {
    row(5, what, "not measured (no V8 Wasm events in the trace)", "—", "—", "—", null);
    return;
  }
  /** The medians of a module's tries, in wasmStartup's shape. */
  const medians = (kind) => {
    const of = (f) => median(runs[kind].map(f));
    const lazy = (phase) => ({ count: of((r) => r[phase].count), bytes: of((r) => r[phase].bytes), ms: of((r) => r[phase].ms) });
    return { evaluate: lazy("evaluate"), request: lazy("request"), startMs: of((r) => r.startMs),
      validateMs: of((r) => r.validateMs), topTierMs: of((r) => r.topTierMs) };
  };
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
  const describe = ({ evaluate, request, startMs, validateMs, topTierMs }) => `evaluation: ${evaluate.count} functions `
    + `compiled on first call (${kb(evaluate.bytes)}), ${fmt.ms(evaluate.ms)} in them; start function ${fmt.ms(startMs)}; `
    + `first request: ${request.count} functions (${kb(request.bytes)}), ${fmt.ms(request.ms)}; validation `
    + `${fmt.ms(validateMs)}; TurboFan in the background ${fmt.ms(topTierMs)} (medians)`;
  const w = medians("workers");
  raw(`  Workers: ${describe(w)}`);
  let floor = "";
  if (usable("floor")) {
    const f = medians("floor");
    raw(`  ${FLOOR_LABEL}: ${describe(f)}`);
    floor = `; the startup floor's module (above): evaluation ${f.evaluate.count} (${kb(f.evaluate.bytes)}), first `
      + `request ${f.request.count} (${kb(f.request.bytes)}), compiling them ${fmt.ms(f.evaluate.ms)} and `
      + `${fmt.ms(f.request.ms)}, validating ${fmt.ms(f.validateMs)}`;
  }
  row(5, what, `evaluation ${w.evaluate.count} (${kb(w.evaluate.bytes)}, the start function among them), first request `
    + `${w.request.count} (${kb(w.request.bytes)})`, "plain JS: no Wasm", "—", "—", null,
    `traced, so times run long: compiling them took ${fmt.ms(w.evaluate.ms)} and ${fmt.ms(w.request.ms)}, TeaVM's `
      + `initializer (the start function) ran ${fmt.ms(w.startMs)}, validating the module ${fmt.ms(w.validateMs)}, TurboFan `
      + `on V8's background threads ${fmt.ms(w.topTierMs)} (hot functions: wasm-start.mjs keeps TeaVM's start function out `
      + `of it); V8 compiles a Worker's Wasm function on its first call, and a Worker cannot ask for more or less${floor}`);
}

/**
 * Context for the budget: the same host as TeaVM JavaScript (target/worker-js, compile hints marked: the Worker until
 * the Wasm build), and the plain worker carrying that module in its bundle, never imported (does compile time follow
 * the module's size or what runs, and can a module imported later escape it?).
 */
async function tracedStartup(minimalModule) {
  section(`5. Startup as workerd's own trace reports it (--perfetto-trace, ${CFG.tracedTries} more tries each)`);
  const carrying = plainCarryingHostModule();
  const modules = { workers: WORKER_MODULE, plain: PLAIN_MODULE, js: WORKER_JS_MODULE, carrying };
  if (minimalModule) modules.minimal = minimalModule;
  const traced = Object.fromEntries(Object.keys(modules).map((kind) => [kind, []]));
  for (let i = 0; i < CFG.tracedTries; i++) {
    for (const kind of Object.keys(traced)) {
      const run = await tracedColdStart(modules[kind], `${kind}-traced`, "workerd",
        (traceFile, readyMs) => ({ ...workerStartup(traceFile), readyMs }));
      if (run) traced[kind].push(run);
    }
  }
  const pick = (kind, key) => median(traced[kind].map((t) => t[key]));
  fs.rmSync(carrying, { recursive: true, force: true });
  const labels = { carrying: "plain JS + host's JS, not imported", js: "same host as TeaVM JavaScript",
    minimal: "TeaVM JS S1, kernel JSON + text only" };
  const label = (kind) => labels[kind] ?? HOSTS[kind].label;
  for (const kind of Object.keys(traced)) {
    raw(`  ${label(kind).padEnd(34)} compile ${fmt.ms(pick(kind, "compileMs"))}, evaluate ${fmt.ms(pick(kind, "evaluateMs"))}, `
      + `worker construction ${fmt.ms(pick(kind, "workerMs"))}, first request ${fmt.ms(pick(kind, "firstRequestMs"))}, `
      + `spawn → first 200 ${fmt.ms(pick(kind, "readyMs"))} (medians)`);
  }
  const pair = (key) => [pick("workers", key), pick("plain", key)];
  const [wc, pc] = pair("compileMs");
  const [we, pe] = pair("evaluateMs");
  const [wf, pf] = pair("firstRequestMs");
  if (wc == null) {
    row(5, "Script evaluation time", "not reported (no perfetto trace)", "—", "—", "—", null);
    return;
  }
  row(5, "Script compile (workerd trace: compileModules)", `Workers ${fmt.ms(wc)}`, `plain JS ${fmt.ms(pc)}`, `+${fmt.ms(wc - pc)}`, "—", null);
  row(5, "Script evaluation (workerd trace: top-level run)", `Workers ${fmt.ms(we)}`, `plain JS ${fmt.ms(pe)}`, `+${fmt.ms(we - pe)}`, "—", null);
  row(5, "First request in a new isolate (workerd trace)", `Workers ${fmt.ms(wf)}`, `plain JS ${fmt.ms(pf)}`, `+${fmt.ms(wf - pf)}`, "—", null);
  const wr = pick("workers", "readyMs");
  const [jc, je, jf, jr] = ["compileMs", "evaluateMs", "firstRequestMs", "readyMs"].map((key) => pick("js", key));
  row(5, "Startup, the same host as TeaVM JavaScript (context)",
    `spawn → first 200 ${fmt.ms(jr)}: compile ${fmt.ms(jc)}, evaluate ${fmt.ms(je)}, first request ${fmt.ms(jf)}`,
    `Wasm ${fmt.ms(wr)}: compile ${fmt.ms(wc)}, evaluate ${fmt.ms(we)}, first request ${fmt.ms(wf)}`,
    `${jr >= wr ? "+" : "−"}${fmt.ms(Math.abs(jr - wr))}`, "—", null,
    "traced tries; target/worker-js, compile hints marked (host-workers/src/build/js/compile-hints.mjs): the Worker "
      + "before the Wasm GC build, and what ci/budget measures");
  const [cc, cf] = [pick("carrying", "compileMs"), pick("carrying", "firstRequestMs")];
  const kb = fs.statSync(path.join(WORKER_JS_MODULE, "flowconf-host.js")).size / 1024;
  row(5, "Script compile, plain JS with the host's JavaScript build in its bundle, never imported (context)",
    `${fmt.ms(cc)}; first request ${fmt.ms(cf)}`, `plain JS ${fmt.ms(pc)}`, `+${fmt.ms(cc - pc)}`, "—", null,
    `workerd compiles every JavaScript module of a bundle when the isolate starts, imported or not; compile follows `
      + `size, not what runs: ${((cc - pc) * 1000 / kb).toFixed(0)} µs per kB of the ${kb.toFixed(0)} kB module`);
  const what = "Startup, TeaVM module doing S1 with the kernel's JSON and text rules alone (context)";
  if (!traced.minimal?.length) {
    row(5, what, "not measured (no --minimal-module)", "—", "—", "—", null);
    return;
  }
  const [mc, me, mf, mr] = ["compileMs", "evaluateMs", "firstRequestMs", "readyMs"].map((key) => pick("minimal", key));
  const mkb = fs.statSync(path.join(minimalModule, "flowconf-host.js")).size / 1024;
  row(5, what, `spawn → first 200 ${fmt.ms(mr)}: compile ${fmt.ms(mc)}, evaluate ${fmt.ms(me)}, first request ${fmt.ms(mf)}`,
    `plain JS ${fmt.ms(pick("plain", "readyMs"))}: compile ${fmt.ms(pc)}`, `+${fmt.ms(mr - pick("plain", "readyMs"))}`, "—",
    null, `what TeaVM JavaScript and the least of the kernel cost (${mkb.toFixed(0)} kB module, compile hints marked, no `
      + `executor, routes or HTTP mapping; dev/flowconf/workers/measure/MinimalS1.java); the whole host in Wasm: `
      + `+${fmt.ms(wr - pick("plain", "readyMs"))}, compile +${fmt.ms(wc - pc)}`);
}
