// Section 9, garbage and tail: why p99 at 32 connections is what it is. V8's own count of the JS heap each S1 request
// leaves behind, how often the young generation is collected for it and how long each collection stops the isolate
// (every request in flight waits), next to the plain worker with a known amount of short-lived garbage added per
// request, all else equal. Each target is workerd spawned directly with V8's --trace-gc-nvp.
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { CFG, QUICK } from "../lib/config.mjs";
import { fmt } from "../lib/format.mjs";
import { loadRound } from "../lib/load-round.mjs";
import { PLAIN_MODULE, WORKER_MODULE } from "../lib/paths.mjs";
import { raw, section } from "../lib/report.mjs";
import { row } from "../lib/results.mjs";
import { median } from "../lib/stats.mjs";
import { startWorkerd } from "../lib/workerd.mjs";

/** The garbage the plain worker adds per request (POST /garbage/echo?bytes=N), one target each. */
const GARBAGE_BYTES = [1024, 2048, 4096];
const CONNECTIONS = 32;

/** Sums the GC lines V8 printed (--trace-gc-nvp) in a stretch of a workerd log. */
function gcFigures(text) {
  const gcs = [];
  for (const line of text.split("\n")) {
    const m = line.match(/GC: (\{.*\})\s*$/);
    if (!m) continue;
    try {
      gcs.push(JSON.parse(m[1]));
    } catch {}
  }
  const scavenges = gcs.filter((g) => g.gc === "s");
  return {
    // --trace-deopt's words for optimized code V8 discards when a full collection frees what it checked
    discarded: (text.match(/embedded weak objects cleared/g) ?? []).length,
    allocated: gcs.reduce((sum, g) => sum + (g.allocated ?? 0), 0),
    scavenges: scavenges.length,
    scavengePauseMs: scavenges.reduce((sum, g) => sum + g.pause, 0),
    majors: gcs.length - scavenges.length,
  };
}

/** One timed round on a target, with what V8 logged about its collections meanwhile. */
async function tracedRound(host) {
  const before = fs.statSync(host.entry.logPath).size;
  const res = await loadRound(host, { connections: CONNECTIONS, seconds: CFG.seconds });
  await sleep(100); // V8 prints a collection as it ends
  const gc = gcFigures(fs.readFileSync(host.entry.logPath, "utf8").slice(before));
  const seconds = res.n / res.rps;
  return { res, gc, figures: { p99: res.p99, bytes: gc.allocated / res.n, perSecond: gc.scavenges / seconds,
    pause: gc.scavenges ? gc.scavengePauseMs / gc.scavenges : null, majors: gc.majors, discarded: gc.discarded } };
}

/**
 * @param minimalModule the TeaVM JavaScript module doing S1 by the kernel's JSON and text rules alone (-Pminimal-s1),
 *     or null
 * @param minimalWasmModule the same in TeaVM Wasm GC, the Worker's backend, or null
 */
export async function garbage(minimalModule, minimalWasmModule) {
  const targets = [
    // --trace-deopt too: how many optimized functions V8 discards at the full collections (a context row).
    { kind: "workers", module: WORKER_MODULE, echoPath: "/echo", label: "Workers host", deopts: true },
    { kind: "plain", module: PLAIN_MODULE, echoPath: "/echo", label: "plain JS" },
    // What SPEC's boundary work (POST /floor/echo: the body as bytes, decoded strictly) adds before any host code runs.
    { kind: "floor", module: PLAIN_MODULE, echoPath: "/floor/echo", label: "plain JS + SPEC's boundary work" },
    // The floor's boundary work, then S1 through the kernel's JSON and text rules and nothing else: less than any host
    // running a flow on the kernel does, so what it leaves is the least such a host can leave.
    ...(minimalModule
      ? [{ kind: "minimal", module: minimalModule, echoPath: "/echo", label: "TeaVM S1, kernel JSON alone" }] : []),
    ...(minimalWasmModule
      ? [{ kind: "minimal-wasm", module: minimalWasmModule, echoPath: "/echo", label: "TeaVM Wasm S1, kernel JSON alone" }]
      : []),
    // Quick mode: not enough time for V8 to settle on a young-generation size for these too.
    ...(QUICK ? [] : GARBAGE_BYTES).map((bytes) => ({ kind: `plain+${bytes}`, module: PLAIN_MODULE,
      echoPath: `/garbage/echo?bytes=${bytes}`, label: `plain JS + ${fmt.int(bytes)} B garbage` })),
  ];
  // V8 grows the young generation under load: the first seconds collect more often than the steady state.
  const warmup = Math.max(CFG.warmupSeconds, 3);
  section(`9. Garbage and tail: POST /echo, ${CONNECTIONS} connections, workerd with V8's --trace-gc-nvp (one per target); `
    + `warm-up ${warmup} s, then ${CFG.rounds} × ${CFG.seconds} s alternating`);
  const hosts = [];
  try {
    for (const { kind, module, echoPath, label, deopts } of targets) {
      const v8Flags = ["--trace-gc-nvp", ...(deopts ? ["--trace-deopt"] : [])];
      const host = await startWorkerd(module, `gc-${kind}`, { kind, label, echoPath, v8Flags });
      hosts.push({ kind, label, host, deopts, rounds: [] });
    }
    for (const h of hosts) await loadRound(h.host, { connections: CONNECTIONS, seconds: warmup });
    for (let r = 0; r < CFG.rounds; r++) {
      for (const h of r % 2 === 0 ? hosts : [...hosts].reverse()) {
        const { res, gc, figures } = await tracedRound(h.host);
        h.rounds.push(figures);
        raw(`  round ${r + 1}  ${h.label.padEnd(30)} ${fmt.rps(res.rps).padStart(14)}  p99 ${fmt.ms(res.p99).padStart(8)}  `
          + `JS heap ${fmt.int(figures.bytes).padStart(6)} B/req  scavenges ${figures.perSecond.toFixed(1)}/s, `
          + `mean pause ${fmt.ms(figures.pause)}  mark-compacts ${gc.majors}`
          + (h.deopts ? `, optimized functions discarded ${gc.discarded}` : ""));
      }
    }
  } finally {
    await Promise.all(hosts.map((h) => h.host.stop()));
  }
  garbageRows(hosts);
}

function garbageRows(hosts) {
  const values = (h, key) => h.rounds.map((x) => x[key]).filter((x) => x != null && Number.isFinite(x));
  const m = (h, key) => median(values(h, key));
  /** The median with the rounds' min–max: V8 sizes the young generation as it goes, so rounds differ. */
  const spread = (h, key, f) => {
    const v = values(h, key);
    return CFG.rounds > 1 && v.length ? `${f(m(h, key))} (rounds ${f(Math.min(...v))}–${f(Math.max(...v))})` : f(m(h, key));
  };
  const bytes = (v) => `${fmt.int(v)} B`;
  const perSecond = (v) => `${v.toFixed(1)}/s`;
  const [workers, plain, floor] = hosts;
  const minimals = hosts.filter((h) => h.kind.startsWith("minimal"));
  const garbage = hosts.filter((h) => h.kind.startsWith("plain+"));
  row(9, `JS heap left per S1 request, ${CONNECTIONS} conn (V8's count)`, `Workers ${spread(workers, "bytes", bytes)}`,
    `plain JS ${spread(plain, "bytes", bytes)}`, fmt.ratio(m(workers, "bytes") / m(plain, "bytes")), "—", null);
  row(9, `Young-generation collections, ${CONNECTIONS} conn (each stops every request in flight)`,
    `Workers ${spread(workers, "perSecond", perSecond)}, ${fmt.ms(m(workers, "pause"))} each`,
    `plain JS ${spread(plain, "perSecond", perSecond)}, ${fmt.ms(m(plain, "pause"))} each`, "—", "—", null);
  const sum = (h, key) => h.rounds.reduce((total, x) => total + x[key], 0);
  row(9, `Optimized functions V8 discarded at full collections, ${CONNECTIONS} conn (--trace-deopt)`,
    `Workers ${sum(workers, "discarded")} at ${sum(workers, "majors")} mark-compacts over the rounds`,
    "—", "—", "—", null,
    "context: \"embedded weak objects cleared\": optimized JavaScript that checked hidden classes a full collection "
      + "freed, so here only the Worker's glue (its Java is Wasm). In the JavaScript build, "
      + "host-workers/src/build/js/keep-shapes.mjs keeps those hidden classes alive (built without it, "
      + "-Dworker.keepShapes.skip=true: 768 at 13 in one run)");
  row(9, `S1 /echo p99 latency, ${CONNECTIONS} conn, traced`, `Workers ${spread(workers, "p99", fmt.ms)}`,
    `plain JS ${spread(plain, "p99", fmt.ms)}`, fmt.ratio(m(workers, "p99") / m(plain, "p99")), "—", null);
  row(9, `S1 /echo p99 latency, ${CONNECTIONS} conn: ${floor.label}`,
    `${spread(floor, "p99", fmt.ms)}; JS heap ${spread(floor, "bytes", bytes)}/req, `
      + `${spread(floor, "perSecond", perSecond)} collections`, `plain JS ${fmt.ms(m(plain, "p99"))}`,
    fmt.ratio(m(floor, "p99") / m(plain, "p99")), "—", null,
    `context: the garbage and tail of what SPEC obliges every host to do; the Workers host's own: `
      + `${bytes(m(workers, "bytes") - m(floor, "bytes"))} a request beyond it`);
  for (const minimal of minimals) {
    const backend = minimal.kind === "minimal-wasm" ? "TeaVM Wasm GC, the Worker's backend" : "TeaVM JavaScript";
    row(9, `S1 /echo p99 latency, ${CONNECTIONS} conn: ${minimal.label}`,
      `${spread(minimal, "p99", fmt.ms)}; JS heap ${spread(minimal, "bytes", bytes)}/req, `
        + `${spread(minimal, "perSecond", perSecond)} collections`, `plain JS ${fmt.ms(m(plain, "p99"))}`,
      fmt.ratio(m(minimal, "p99") / m(plain, "p99")), "—", null,
      `context: the floor's boundary work, then S1 by the kernel's JSON and text rules alone in ${backend} (no `
        + `Invocation, executor or HTTP mapping; measure/MinimalS1.java): the least a host running flows on the kernel `
        + `leaves, ${bytes(m(minimal, "bytes") - m(floor, "bytes"))} a request beyond the floor`);
  }
  for (const g of garbage) {
    row(9, `S1 /echo p99 latency, ${CONNECTIONS} conn: ${g.label} per request`,
      `${spread(g, "p99", fmt.ms)}; JS heap ${spread(g, "bytes", bytes)}/req`, `plain JS ${fmt.ms(m(plain, "p99"))}`,
      fmt.ratio(m(g, "p99") / m(plain, "p99")), "—", null, "context: the p99 a request's garbage alone costs");
  }
}
