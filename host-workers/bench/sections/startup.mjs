// Section 5, startup: workerd spawned directly → first 200 on POST /echo, the Workers module against the plain
// worker; then workerd's own trace of compiling and evaluating them, with two context runs (see tracedStartup).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CFG } from "../lib/config.mjs";
import { fmt } from "../lib/format.mjs";
import { HOSTS } from "../lib/hosts.mjs";
import { PLAIN_MODULE, WORKER_MODULE } from "../lib/paths.mjs";
import { workerStartup } from "../lib/perfetto.mjs";
import { raw, section } from "../lib/report.mjs";
import { row } from "../lib/results.mjs";
import { median } from "../lib/stats.mjs";
import { startWorkerd } from "../lib/workerd.mjs";

/** Spawn → first 200 on POST /echo, in ms; workerd is stopped again. */
async function coldStart(moduleDir, name, options) {
  const workerd = await startWorkerd(moduleDir, `startup-${name}`, options);
  await workerd.stop();
  return workerd.readyMs;
}

/**
 * A temp module dir: the plain worker, unchanged, with the host's built module in its bundle (a module of the
 * config) that nothing imports. workerd compiles it all the same, so code cannot be kept out of compile by putting it
 * in a module imported later (and a Worker may not compile code from strings).
 */
function plainCarryingHostModule() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flowconf-bench-carrying-"));
  fs.copyFileSync(path.join(WORKER_MODULE, "flowconf-host.js"), path.join(dir, "flowconf-host.js"));
  fs.copyFileSync(path.join(PLAIN_MODULE, "entry.mjs"), path.join(dir, "entry.mjs"));
  return dir;
}

/**
 * unhintedModule: the Workers module built with -Dworker.compileHints.skip=true; minimalModule: S1 by the kernel's JSON
 * and text rules alone (-Pminimal-s1). Each gives a context row, or is undefined.
 */
export async function startup(unhintedModule, minimalModule) {
  section(`5. Startup: spawn workerd → first 200 on POST /echo, ${CFG.startupTries} tries each, alternating`);
  const modules = { workers: WORKER_MODULE, plain: PLAIN_MODULE };
  const times = { workers: [], plain: [] };
  for (let i = 0; i < CFG.startupTries; i++) {
    const order = i % 2 === 0 ? ["workers", "plain"] : ["plain", "workers"];
    for (const kind of order) times[kind].push(await coldStart(modules[kind], kind));
  }
  for (const kind of ["workers", "plain"]) {
    raw(`  ${HOSTS[kind].label.padEnd(34)} ${times[kind].map((t) => t.toFixed(1)).join(" ")} ms  → median ${fmt.ms(median(times[kind]))}`);
  }
  const w = median(times.workers);
  const p = median(times.plain);
  row(5, "Startup: workerd spawn → first 200 (median)", `Workers ${fmt.ms(w)}`, `plain JS ${fmt.ms(p)}`,
    `+${fmt.ms(w - p)}`, "≤ plain JS + 10 ms", w - p <= 10);
  await tracedStartup(unhintedModule, minimalModule);
}

/**
 * Context for the budget: the plain worker carrying the host's module in its bundle, never imported (does compile time
 * follow the module's size or what runs, and can a module imported later escape it?), and the host built without the
 * build's compile hints (what do they move between compile and the first request, and what is left of it?).
 */
async function tracedStartup(unhintedModule, minimalModule) {
  section(`5. Startup as workerd's own trace reports it (--perfetto-trace, ${CFG.tracedTries} more tries each)`);
  const carrying = plainCarryingHostModule();
  const modules = { workers: WORKER_MODULE, plain: PLAIN_MODULE, carrying };
  if (unhintedModule) modules.unhinted = unhintedModule;
  if (minimalModule) modules.minimal = minimalModule;
  const traced = Object.fromEntries(Object.keys(modules).map((kind) => [kind, []]));
  for (let i = 0; i < CFG.tracedTries; i++) {
    for (const kind of Object.keys(traced)) {
      const traceFile = path.join(os.tmpdir(), `flowconf-bench-${process.pid}-${kind}-${i}.pftrace`);
      try {
        const readyMs = await coldStart(modules[kind], `${kind}-traced`, { traceFile });
        traced[kind].push({ ...workerStartup(traceFile), readyMs });
      } catch (e) {
        raw(`  ${kind}: trace unreadable (${e.message})`);
      } finally {
        fs.rmSync(traceFile, { force: true });
      }
    }
  }
  const pick = (kind, key) => median(traced[kind].map((t) => t[key]));
  fs.rmSync(carrying, { recursive: true, force: true });
  const labels = { carrying: "plain JS + host module, not imported", unhinted: "Workers host, no compile hints",
    minimal: "TeaVM S1, kernel JSON + text only" };
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
  const [cc, cf] = [pick("carrying", "compileMs"), pick("carrying", "firstRequestMs")];
  const kb = fs.statSync(path.join(WORKER_MODULE, "flowconf-host.js")).size / 1024;
  row(5, "Script compile, plain JS with the host's module in its bundle, never imported (context)",
    `${fmt.ms(cc)}; first request ${fmt.ms(cf)}`, `plain JS ${fmt.ms(pc)}`, `+${fmt.ms(cc - pc)}`, "—", null,
    `workerd compiles every module of a bundle when the isolate starts, imported or not; compile follows size, not what `
      + `runs: ${((cc - pc) * 1000 / kb).toFixed(0)} µs per kB of the host's ${kb.toFixed(0)} kB module`);
  const wr = pick("workers", "readyMs");
  if (!traced.unhinted?.length) {
    row(5, "Startup, Workers host without the compile hints (context)", "not measured (no --unhinted-module)", "—", "—", "—", null);
  } else {
    const [uc, uf, ur] = [pick("unhinted", "compileMs"), pick("unhinted", "firstRequestMs"), pick("unhinted", "readyMs")];
    row(5, "Startup, Workers host without the compile hints (context)",
      `spawn → first 200 ${fmt.ms(ur)}: compile ${fmt.ms(uc)}, first request ${fmt.ms(uf)}`,
      `with them ${fmt.ms(wr)}: compile ${fmt.ms(wc)}, first request ${fmt.ms(wf)}`,
      `${ur >= wr ? "+" : "−"}${fmt.ms(Math.abs(ur - wr))}`, "—", null,
      "traced tries; the build marks what the first requests run for V8 to compile with the module: host-workers/src/build/js/compile-hints.mjs");
  }
  const what = "Startup, TeaVM module doing S1 with the kernel's JSON and text rules alone (context)";
  if (!traced.minimal?.length) {
    row(5, what, "not measured (no --minimal-module)", "—", "—", "—", null);
    return;
  }
  const [mc, me, mf, mr] = ["compileMs", "evaluateMs", "firstRequestMs", "readyMs"].map((key) => pick("minimal", key));
  const mkb = fs.statSync(path.join(minimalModule, "flowconf-host.js")).size / 1024;
  row(5, what, `spawn → first 200 ${fmt.ms(mr)}: compile ${fmt.ms(mc)}, evaluate ${fmt.ms(me)}, first request ${fmt.ms(mf)}`,
    `plain JS ${fmt.ms(pick("plain", "readyMs"))}: compile ${fmt.ms(pc)}`, `+${fmt.ms(mr - pick("plain", "readyMs"))}`, "—",
    null, `what TeaVM and the least of the kernel cost (${mkb.toFixed(0)} kB module, compile hints marked, no executor, `
      + `routes or HTTP mapping; dev/flowconf/workers/measure/MinimalS1.java); the whole host: `
      + `+${fmt.ms(wr - pick("plain", "readyMs"))}, compile +${fmt.ms(wc - pc)}`);
}
