// ci/budget's driver (issue 13, "Measure first"): the per-request budget of the Workers host, measured under node
// with the UNMINIFIED TeaVM module (readable function names), stage by stage, in µs and allocated bytes.
//
//   node host-workers/bench/budget/budget.mjs --module-dir DIR [--repeats 3] [--requests 20000] [--warmup 2000]
//        [--heap-requests 2000] [--alloc-requests 1000] [--cpu-interval-us 50] [--heap-interval 64] [--out FILE]
//
// DIR holds entry.mjs and flowconf-host.js as `./mvnw -pl host-workers -am package -Dworker.minifying=false` builds
// them (ci/budget builds them straight into a temp dir of its own). This script copies them once more into a temp dir,
// points the module's `cloudflare:workers` import at a stub (waitUntil, env) and calls its `fetch` directly.
//
// The request is S1's `POST /echo` with `{"value":"  HeLLo  "}` and content-length set, as a load generator sends it.
// One request at a time, each from an event-loop turn of its own: build the Request, call fetch, await the Response,
// await response.text(). Each repeat runs, each in a fresh node process:
//   wall   the loop without any profiler, for the Workers host, the plain JS worker (bench/plain-worker) and the
//          floor (build the Request and await request.text(), nothing else): µs per request.
//          (README.md in this directory says how a sample is attributed and why the figures can be trusted.)
//   cpu    the Workers loop under V8's sampling CPU profiler (node:inspector). Each sample is charged to the innermost
//          stage frame on its stack (STAGES below); samples with no JS frame of the module or of this script (the
//          platform's promise jobs) are placed by time, between marks the loop takes around each request.
//   heap   the Workers loop under V8's sampling heap profiler, with objects collected by minor and major GCs kept, so
//          short-lived allocations count; samples charged like the CPU samples, the platform's jobs by their order.
//   alloc  all three loops with a young generation large enough that no GC runs during a batch: the heap's growth
//          per request (exact for the JS heap; ArrayBuffer backing stores live outside it and are not counted).
// The table gives medians over the repeats with min–max, the machine's load and the CPU other processes took.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { args as argv, option } from "../lib/args.mjs";
import { fmt } from "../lib/format.mjs";
import { PLAIN_MODULE, ROOT, WORKER_JS_MODULE } from "../lib/paths.mjs";
import { cpuWindow } from "../lib/proc.mjs";
import { median as medianOrNull } from "../lib/stats.mjs";
import { nodeRunnableCopy } from "../../src/build/js/node-runnable.mjs";

const SELF_URL = import.meta.url;
const PLAIN_ENTRY = path.join(PLAIN_MODULE, "entry.mjs");

const BODY = '{"value":"  HeLLo  "}';
const ANSWER = '{"value":"hello"}';
const URL_S1 = "http://127.0.0.1:8787/echo";
const HEADERS = { host: "127.0.0.1:8787", "content-type": "application/json", "content-length": String(Buffer.byteLength(BODY)) };

const number = (name, fallback) => Number(option(name, fallback));

// ------------------------------------------------------------------------------------------------ stages
// A stage is a set of the module's functions (TeaVM's unminified names: package initials, class, method, an optional
// number for overloads). A sample is charged to the innermost stage function on its stack, so a stage nested in
// another (JSON parse inside the run) is charged to the inner one.
const n = (name) => new RegExp(`^${name.replace(/\$/g, "\\$")}\\d*$`);
const STAGES = [
  // LimitedBodyRead's methods, callbacks and JS helpers; FetchHandler's body callbacks (toRequestBody, inlined into
  // them by TeaVM), but not what FetchHandler.answer, which they call, does (see BARRIERS).
  { key: "body", label: "body read", frames: [/^dfw_LimitedBodyRead[_$]/, /^dfw_FetchHandler\$fetch\$lambda\$/] },
  { key: "mapping", label: "request mapping (JS Request → HttpRequest)", frames: [n("dfw_FetchAdapter_toHttpRequest"),
    /^dfw_FetchAdapter_(fields|entries)/, /^dfw_FetchAdapter\$fields\$/, /^dfw_RequestTarget_/] },
  // FlowHttpHost.admit holds the route lookup (TeaVM inlines route() into its one caller) with the limits and the method.
  { key: "route", label: "route lookup", frames: [n("dfkh_FlowHttpHost_route"), n("dfkh_FlowHttpHost_admit")] },
  // With its lambdas: an extension built lazily (on first read, maybe during the run) is still metadata.
  { key: "metadata", label: "metadata (RequestMetadata.fill)", frames: [n("dfkh_RequestMetadata_fill"),
    n("dfkh_RequestMetadata_headers"), /^dfkh_RequestMetadata\$/] },
  { key: "parse", label: "JSON parse", frames: [n("dfkh_FlowHttpHost_payload"), n("dfkj_JsonParser_parse")] },
  // executeInline on the inline path (S1's), execute where a run takes the tasks.
  { key: "run", label: "run (FlowRuntime.execute)", frames: [n("dfke_FlowRuntime_execute"), n("dfke_FlowRuntime_executeInline")] },
  { key: "write", label: "JSON write", frames: [n("dfkj_JsonWriter_toBytes"), n("dfkj_JsonWriter_toJson")] },
  { key: "response", label: "Response (HttpResponse → JS Response)", frames: [n("dfw_FetchAdapter_toResponse"),
    n("dfw_FetchAdapter_toUint8Array")] },
];
/**
 * Glue that calls stages: a sample whose innermost stage frame lies beyond one of these (FetchHandler.answer, called
 * from the body's callback; FlowHttpHost.handle, or handleWithoutWaiting on the inline path) is glue, not that outer
 * stage.
 */
const BARRIERS = [/^dfw_FetchHandler_answer/, n("dfkh_FlowHttpHost_handle"), n("dfkh_FlowHttpHost_handleWithoutWaiting")];
const FETCH_EXPORT = n("dfw_FetchHandler_fetch$exported$0");
/** Functions of flowconf's own classes (dev.flowconf.*): the "other" row names the innermost one. */
const OWN = /^df[a-z]*_/;

const ROWS = [
  ...STAGES.map((s) => ({ key: s.key, label: s.label })),
  { key: "glue", label: "other/unattributed: the host's glue (fetch, answer, handle, TeaVM's call wrappers)" },
  { key: "gc", label: "other: V8 garbage collector" },
  { key: "program", label: "other: V8/native outside JS (program)" },
  { key: "idle", label: "other: idle" },
  { key: "harness", label: "harness: new Request, response.text(), the event-loop turn (client side)" },
];

// ------------------------------------------------------------------------------------------------ children

async function loadSubject(kind, moduleDir) {
  if (kind === "workers") {
    const worker = (await import(pathToFileURL(path.join(moduleDir, "entry.mjs")).href)).default;
    return worker.fetch;
  }
  if (kind === "plain") return (await import(pathToFileURL(PLAIN_ENTRY).href)).default.fetch;
  return null; // floor
}

function newRequest() {
  return new Request(URL_S1, { method: "POST", headers: HEADERS, body: BODY });
}

const ENV = {};
const CTX = { waitUntil() {}, passThroughOnException() {} };

/**
 * Each request starts from an event-loop turn of its own, as a request reaching workerd does: without it the whole
 * loop would be one chain of promise jobs, never ending V8's microtask checkpoint, and objects V8 keeps alive until
 * the job ends (WeakRef targets) would pile up over thousands of requests. The turn costs the client ~2 µs.
 */
const nextEvent = () => new Promise((resolve) => setImmediate(resolve));

/** The measured loop: one request at a time, as a client that reads every answer. */
async function loop(fetch, count) {
  for (let i = 0; i < count; i++) {
    await nextEvent();
    const request = newRequest();
    const response = await fetch(request, ENV, CTX);
    await response.text();
  }
}

/** The same loop, taking performance.now() before the Request, after fetch returned, after the Response, after its text. */
async function markedLoop(fetch, count, marks) {
  let k = 0;
  for (let i = 0; i < count; i++) {
    await nextEvent();
    marks[k++] = performance.now();
    const request = newRequest();
    const pending = fetch(request, ENV, CTX);
    marks[k++] = performance.now();
    const response = await pending;
    marks[k++] = performance.now();
    await response.text();
    marks[k++] = performance.now();
  }
}

async function floorLoop(count) {
  for (let i = 0; i < count; i++) {
    await nextEvent();
    const request = newRequest();
    await request.text();
  }
}

const run = (fetch, count) => (fetch ? loop(fetch, count) : floorLoop(count));

/** Runs body(), returning its wall µs and the CPU other processes took meanwhile (in cores). */
async function window(body) {
  const cpu = cpuWindow([]);
  await body();
  const { wallMs, othersPct } = cpu.stop();
  return { wallUs: wallMs * 1000, othersCores: othersPct / 100 };
}

async function check(fetch) {
  const response = await fetch(newRequest(), ENV, CTX);
  const text = await response.text();
  if (response.status !== 200 || text !== ANSWER) throw new Error(`POST /echo answered ${response.status} ${text}, expected 200 ${ANSWER}`);
}

async function child(mode) {
  const moduleDir = option("--module-dir");
  const subject = option("--subject", "workers");
  const requests = number("--requests", 20000);
  const warmup = number("--warmup", 2000);
  const fetch = await loadSubject(subject, moduleDir);
  if (fetch) await check(fetch);
  if (moduleDir) loadOwners(fs.readFileSync(path.join(moduleDir, "flowconf-host.js"), "utf8"));

  if (mode === "wall") {
    await run(fetch, warmup);
    const w = await window(() => run(fetch, requests));
    return { usPerRequest: w.wallUs / requests, othersCores: w.othersCores };
  }

  if (mode === "alloc") {
    // Needs --min/max-semi-space-size large enough for a batch: the heap only grows, and any GC voids the batch.
    const v8 = await import("node:v8");
    const { PerformanceObserver } = await import("node:perf_hooks");
    let gcs = 0;
    new PerformanceObserver((list) => { gcs += list.getEntries().length; }).observe({ entryTypes: ["gc"] });
    const count = number("--alloc-requests", 1000);
    const out = {};
    for (const kind of ["workers", "plain", "floor"]) {
      const f = await loadSubject(kind, moduleDir);
      await run(f, warmup);
      const figures = [];
      for (let tries = 0; figures.length < 3 && tries < 8; tries++) {
        global.gc(); // a fresh young generation for the batch
        await new Promise((r) => setTimeout(r, 20));
        const g0 = gcs;
        const before = v8.getHeapStatistics().used_heap_size;
        await run(f, count);
        const after = v8.getHeapStatistics().used_heap_size;
        await new Promise((r) => setTimeout(r, 20)); // let the gc entries arrive
        if (gcs === g0) figures.push((after - before) / count);
      }
      figures.sort((a, b) => a - b);
      out[kind] = { bytesPerRequest: figures.length ? figures[figures.length >> 1] : NaN, batches: figures.length };
    }
    return out;
  }

  const inspector = await import("node:inspector");
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) =>
    session.post(method, params, (error, answer) => (error ? reject(error) : resolve(answer))));

  if (mode === "cpu") {
    await run(fetch, warmup);
    await post("Profiler.enable");
    await post("Profiler.setSamplingInterval", { interval: number("--cpu-interval-us", 50) });
    // performance.now() is uv_hrtime since the time origin; the profile's timestamps are V8's monotonic ticks (µs),
    // the same clock as process.hrtime. The offset between the two, taken back to back (smallest gap of a few tries).
    let offsetUs = Infinity, bestGap = Infinity;
    for (let i = 0; i < 20; i++) {
      const a = performance.now();
      const h = Number(process.hrtime.bigint()) / 1000;
      const b = performance.now();
      if (b - a < bestGap) { bestGap = b - a; offsetUs = h - ((a + b) / 2) * 1000; }
    }
    const marks = new Float64Array(requests * 4);
    await post("Profiler.start");
    await new Promise((r) => setTimeout(r, 20));
    const w = await window(() => markedLoop(fetch, requests, marks));
    const { profile } = await post("Profiler.stop");
    for (let i = 0; i < marks.length; i++) marks[i] = marks[i] * 1000 + offsetUs;
    return { ...analyseCpu(profile, marks, requests), profiledUsPerRequest: w.wallUs / requests, othersCores: w.othersCores };
  }

  if (mode === "heap") {
    const count = number("--heap-requests", 2000);
    await run(fetch, warmup);
    await post("HeapProfiler.enable");
    await post("HeapProfiler.startSampling", { samplingInterval: number("--heap-interval", 64),
      includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    const w = await window(() => loop(fetch, count));
    const { profile } = await post("HeapProfiler.stopSampling");
    return { ...analyseHeap(profile, count), othersCores: w.othersCores };
  }
  throw new Error(`unknown mode ${mode}`);
}

// ------------------------------------------------------------------------------------------------ attribution

const isModule = (frame) => frame.url.endsWith("/flowconf-host.js");

/**
 * TeaVM's output defines every function at the top level, at column 0; an anonymous function (a @JSBody script's
 * callback, TeaVM's call wrappers) is named here after the top-level function whose text holds it.
 */
let moduleOwners = null; // [line (0-based), name] of each top-level definition, in order
function loadOwners(js) {
  moduleOwners = [];
  const lines = js.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^(?:let |function )?([A-Za-z_$][\w$]*)(?: = |\()/.exec(lines[i]);
    if (m) moduleOwners.push([i, m[1]]);
  }
}
function ownerOf(line) {
  if (!moduleOwners) return null;
  let lo = 0, hi = moduleOwners.length - 1, found = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (moduleOwners[mid][0] <= line) { found = moduleOwners[mid][1]; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}
/** A module frame's function name; an anonymous one is named after the function whose text holds it. */
function nameOf(frame) {
  if (frame.functionName || !isModule(frame)) return frame.functionName;
  const owner = ownerOf(frame.lineNumber);
  return owner ? `${owner}/(anonymous)` : "";
}
const isHarness = (frame) => frame.url === SELF_URL;
const isInspector = (frame) => frame.url === "node:inspector";
/** "name @ file:line" (line 1-based); V8's own entries ("(garbage collector)", builtins) have no file. */
const frameName = (frame) => `${nameOf(frame) || "(anonymous)"}${frame.url ? ` @ ${path.basename(frame.url)}:${frame.lineNumber + 1}` : ""}`;
/** The name alone, but an anonymous function keeps its place. */
const shortName = (name) => name.replace(/ @ .*/, "");

/**
 * What a stack says by itself: a stage key, "glue" (the module, outside every stage), "harness" (this script), a V8
 * pseudo-frame (gc, program, idle, root) or "async" (no frame of the module or of this script: the platform's jobs).
 * stack: callFrames from the innermost out.
 */
function classifyStack(stack) {
  const leaf = stack[0];
  if (leaf.functionName === "(garbage collector)") return { key: "gc" };
  if (leaf.functionName === "(program)") return { key: "program" };
  if (leaf.functionName === "(idle)") return { key: "idle" };
  if (stack.some(isInspector)) return { key: "profiler" }; // the profiler's own calls (starting, stopping it)
  let ownFrame = null;
  let inModule = false;
  let inHarness = false;
  for (const frame of stack) {
    if (isModule(frame)) {
      inModule = true;
      const name = nameOf(frame);
      if (!ownFrame && OWN.test(name)) ownFrame = name;
      for (const stage of STAGES) {
        if (stage.frames.some((re) => re.test(name))) return { key: stage.key, moduleRoot: rootModuleFrame(stack) };
      }
      if (BARRIERS.some((re) => re.test(name))) break;
    } else if (isHarness(frame)) {
      inHarness = true;
    }
  }
  if (inModule || stack.some(isModule)) {
    return { key: "glue", own: ownFrame || nameOf(stack.find(isModule)), moduleRoot: rootModuleFrame(stack) };
  }
  if (inHarness) return { key: "harness" };
  return { key: "async" };
}

function rootModuleFrame(stack) {
  let root = null;
  for (const frame of stack) if (isModule(frame)) root = nameOf(frame);
  return root;
}

/** The parent-linked stacks of a profile's nodes, cached by node id: callFrames from the innermost out. */
function stacks(nodesById, parentOf) {
  const cache = new Map();
  return (id) => {
    let s = cache.get(id);
    if (!s) {
      s = [];
      for (let at = id; at !== undefined; at = parentOf.get(at)) {
        const node = nodesById.get(at);
        if (node.callFrame.functionName === "(root)" && parentOf.get(at) === undefined) break;
        s.push(node.callFrame);
      }
      if (s.length === 0) s.push({ functionName: "(root)", url: "", lineNumber: -1 });
      cache.set(id, s);
    }
    return s;
  };
}

/** The stage class of each node's stack (classifyStack), cached by node id. */
function stackClasses(stackOf) {
  const classes = new Map();
  return (id) => {
    let c = classes.get(id);
    if (!c) { c = classifyStack(stackOf(id)); classes.set(id, c); }
    return c;
  };
}

function emptyRows() {
  return Object.fromEntries(ROWS.map((r) => [r.key, 0]));
}

function add(map, key, value) {
  map[key] = (map[key] || 0) + value;
}

function analyseCpu(profile, marks, requests) {
  const nodesById = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const c of node.children || []) parentOf.set(c, node.id);
  const stackOf = stacks(nodesById, parentOf);
  const classOf = stackClasses(stackOf);

  const loopStart = marks[0], loopEnd = marks[marks.length - 1];
  const times = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) { t += profile.timeDeltas[i]; times.push(t); }

  const rows = emptyRows();
  const selfByFunction = {};
  const selfByStage = {};
  const glueByFrame = {};
  const outsideModule = {};
  const asyncByWindow = { body: 0, harness: 0 };
  const pseudoByWindow = { gc: { call: 0, answer: 0, client: 0 }, program: { call: 0, answer: 0, client: 0 } };
  let sampled = 0, samples = 0, outside = 0;
  let r = 0; // the request whose marks are at or before the sample
  for (let i = 0; i < times.length; i++) {
    const at = times[i];
    const weight = (i + 1 < times.length ? times[i + 1] : profile.endTime) - at;
    if (at < loopStart || at >= loopEnd) { outside++; continue; }
    while (r + 1 < requests && marks[(r + 1) * 4] <= at) r++;
    const [a, b, c, d] = [marks[r * 4], marks[r * 4 + 1], marks[r * 4 + 2], marks[r * 4 + 3]];
    // b..c: the host's turn (the body's promise jobs, then the answer); c..d and d..next a: the client's
    const phase = at >= b && at < c ? "answer" : "harness";
    const cls = classOf(profile.samples[i]);
    let key = cls.key;
    // Between one request's end and the next one's start: the event-loop turn (libuv, no JS frame of ours).
    if (at >= d && ["async", "program", "idle"].includes(key)) key = "harness";
    if (key === "async") {
      key = phase === "answer" ? "body" : "harness";
      asyncByWindow[key === "body" ? "body" : "harness"] += weight;
    }
    if (key === "gc" || key === "program") {
      // Which part of the request they fell in: a..b new Request + fetch's synchronous part, b..c the body's promise
      // jobs and the answer (no mark between them), c..next a the client reading the response.
      pseudoByWindow[key][phase === "answer" ? "answer" : at >= a && at < b ? "call" : "client"] += weight;
    }
    if (key === "profiler") key = "harness";
    if (key === "glue") add(glueByFrame, cls.own, weight);
    rows[key] += weight;
    const leaf = stackOf(profile.samples[i])[0];
    if (!isModule(leaf)) add(outsideModule, key, weight);
    const leafName = frameName(leaf);
    add(selfByFunction, leafName, weight);
    selfByStage[key] ??= {};
    add(selfByStage[key], leafName, weight);
    sampled += weight;
    samples++;
  }
  const per = (v) => v / requests;
  const top = (m, k) => Object.entries(m).sort((x, y) => y[1] - x[1]).slice(0, k).map(([name, v]) => [name, per(v)]);
  return {
    usPerRequest: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, per(v)])),
    sampledUsPerRequest: per(sampled),
    outsideModuleUs: Object.fromEntries(Object.entries(outsideModule).map(([k, v]) => [k, per(v)])),
    samples,
    samplesOutsideLoop: outside,
    meanSampleIntervalUs: sampled / Math.max(1, samples),
    topSelf: top(selfByFunction, 15),
    topSelfByStage: Object.fromEntries(Object.entries(selfByStage).map(([k, m]) => [k, top(m, 4)])),
    glueByFrame: top(glueByFrame, 6),
    asyncUs: { body: per(asyncByWindow.body), harness: per(asyncByWindow.harness) },
    pseudoByWindow: Object.fromEntries(Object.entries(pseudoByWindow).map(([k, m]) =>
      [k, Object.fromEntries(Object.entries(m).map(([w, v]) => [w, per(v)]))])),
    clockCheck: { marksWithinProfile: loopStart >= profile.startTime && loopEnd <= profile.endTime,
      startSlackUs: loopStart - profile.startTime, endSlackUs: profile.endTime - loopEnd },
  };
}

function analyseHeap(profile, requests) {
  const nodesById = new Map();
  const parentOf = new Map();
  let selfTotal = 0;
  const walk = (node, parent) => {
    nodesById.set(node.id, node);
    if (parent) parentOf.set(node.id, parent.id);
    selfTotal += node.selfSize;
    for (const c of node.children) walk(c, node);
  };
  walk(profile.head, null);
  const stackOf = stacks(nodesById, parentOf);
  const classOf = stackClasses(stackOf);
  const samples = [...profile.samples].sort((x, y) => x.ordinal - y.ordinal);
  // A sample with no frame of the module or of this script is one of the platform's promise jobs. In allocation
  // order, the jobs that read the request's body come before the module's next callback (LimitedBodyRead's, then
  // the answer); those that read the response come before the harness's next frame (the next Request).
  const nextAnchor = new Array(samples.length);
  let anchor = null;
  for (let i = samples.length - 1; i >= 0; i--) {
    const cls = classOf(samples[i].nodeId);
    nextAnchor[i] = anchor;
    if (!["async", "gc", "program", "idle", "profiler"].includes(cls.key)) anchor = cls;
  }
  const rows = emptyRows();
  const selfByStage = {};
  const selfByFunction = {};
  const asyncBytes = { body: 0, harness: 0 };
  const outsideModule = {};
  let total = 0, profilerBytes = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i];
    const cls = classOf(s.nodeId);
    let key = cls.key;
    if (key === "profiler") { profilerBytes += s.size; continue; }
    if (key === "async") {
      const next = nextAnchor[i];
      const bodyJob = next && next.key !== "harness" && next.moduleRoot && !FETCH_EXPORT.test(next.moduleRoot);
      key = bodyJob ? "body" : "harness";
      asyncBytes[key] += s.size;
    }
    if (!(key in rows)) key = "program";
    rows[key] += s.size;
    total += s.size;
    const leaf = stackOf(s.nodeId)[0];
    const leafName = frameName(leaf);
    if (!isModule(leaf)) add(outsideModule, key, s.size);
    selfByStage[key] ??= {};
    add(selfByStage[key], leafName, s.size);
    add(selfByFunction, leafName, s.size);
  }
  const per = (v) => v / requests;
  const top = (m, k) => Object.entries(m).sort((x, y) => y[1] - x[1]).slice(0, k).map(([name, v]) => [name, per(v)]);
  return {
    bytesPerRequest: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, per(v)])),
    sampledBytesPerRequest: per(total),
    profilerBytesPerRequest: per(profilerBytes),
    outsideModuleBytes: Object.fromEntries(Object.entries(outsideModule).map(([k, v]) => [k, per(v)])),
    treeBytesPerRequest: per(selfTotal),
    samples: samples.length,
    asyncBytes: { body: per(asyncBytes.body), harness: per(asyncBytes.harness) },
    topByStage: Object.fromEntries(Object.entries(selfByStage).map(([k, m]) => [k, top(m, 3)])),
    topAllocators: top(selfByFunction, 15),
  };
}

// ------------------------------------------------------------------------------------------------ driver

/** A node-runnable copy of the built module (src/build/js/node-runnable.mjs), with the stage functions it defines. */
function prepareModule(sourceDir) {
  const { dir, moduleText: js } = nodeRunnableCopy(sourceDir, "flowconf-budget-");
  const minified = !/\bdfw_FetchHandler_fetch\b|dfw_FetchAdapter_toHttpRequest/.test(js);
  if (minified) throw new Error("the module is minified (no readable names): build it with -Dworker.minifying=false");
  // The module's top-level functions (`name = (…) =>`, `let name = …`, `function name(`), to list what each stage maps to.
  const defined = new Set([...js.matchAll(/^(?:let |function )?([A-Za-z_$][\w$]*)(?: = |\()/gm)].map((m) => m[1]));
  const mapped = {};
  const missing = [];
  for (const stage of STAGES) {
    mapped[stage.key] = [...defined].filter((name) => stage.frames.some((re) => re.test(name))).sort();
    if (mapped[stage.key].length === 0) missing.push(stage.key);
  }
  mapped.barriers = [...defined].filter((name) => BARRIERS.some((re) => re.test(name))).sort();
  return { dir, bytes: Buffer.byteLength(js), missing, mapped };
}

function runChild(mode, args, nodeFlags = []) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...nodeFlags, fileURLToPath(SELF_URL), "--child", mode, ...args],
      { stdio: ["ignore", "pipe", "pipe"] });
    let out = "", err = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (err += d));
    p.on("close", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("@@RESULT "));
      if (code !== 0 || !line) reject(new Error(`child ${mode} ${args.join(" ")} failed (exit ${code}):\n${err}${out}`));
      else resolve(JSON.parse(line.slice("@@RESULT ".length)));
    });
  });
}

/** NaN rather than null where no figure: the formats below print n/a for it, and sums stay n/a. */
const median = (xs) => medianOrNull(xs) ?? NaN;
const stat = (xs) => ({ med: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : "n/a");
const f0 = fmt.int;
const pct = (x) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : "n/a");
const us = (s) => `${f1(s.med)} (${f1(s.min)}–${f1(s.max)})`;
const bytes = (s) => `${f0(s.med)} (${f0(s.min)}–${f0(s.max)})`;

async function driver() {
  const started = Date.now();
  const moduleDir = option("--module-dir", WORKER_JS_MODULE);
  const repeats = number("--repeats", 3);
  const requests = number("--requests", 20000);
  const warmup = number("--warmup", 2000);
  const heapRequests = number("--heap-requests", 2000);
  const allocRequests = number("--alloc-requests", 1000);
  const cpuInterval = number("--cpu-interval-us", 50);
  const heapInterval = number("--heap-interval", 64);
  const outFile = option("--out", path.join(ROOT, "out/budget/latest.md"));
  const prepared = prepareModule(moduleDir);
  process.on("exit", () => fs.rmSync(prepared.dir, { recursive: true, force: true }));
  if (prepared.missing.length) console.error(`warning: no function of stage(s) ${prepared.missing.join(", ")} in the module (renamed?)`);
  const common = ["--module-dir", prepared.dir, "--warmup", String(warmup)];
  const load0 = os.loadavg();
  const runs = [];
  for (let rep = 1; rep <= repeats; rep++) {
    const one = {};
    process.stderr.write(`repeat ${rep}/${repeats}: wall`);
    one.wall = {};
    for (const subject of ["workers", "plain", "floor"]) {
      one.wall[subject] = await runChild("wall", [...common, "--subject", subject, "--requests", String(requests)]);
    }
    process.stderr.write(", cpu profile");
    one.cpu = await runChild("cpu", [...common, "--requests", String(requests), "--cpu-interval-us", String(cpuInterval)]);
    process.stderr.write(", heap profile");
    // V8's heap sampler records physical frames only: an allocation in a function TurboFan inlined would count for
    // its caller (JsonWriter.toBytes inlined into FlowHttpHost.handle made JSON write's bytes glue in some runs).
    one.heap = await runChild("heap", [...common, "--heap-requests", String(heapRequests), "--heap-interval", String(heapInterval)],
      ["--no-turbo-inlining"]);
    process.stderr.write(", allocation totals");
    one.alloc = await runChild("alloc", [...common, "--alloc-requests", String(allocRequests)],
      ["--expose-gc", "--min-semi-space-size=256", "--max-semi-space-size=256"]);
    process.stderr.write(` (${f1(one.wall.workers.usPerRequest)} / ${f1(one.wall.plain.usPerRequest)} / ${f1(one.wall.floor.usPerRequest)} µs)\n`);
    runs.push(one);
  }
  const load1 = os.loadavg();
  const md = render({ runs, requests, warmup, heapRequests, allocRequests, cpuInterval, heapInterval, prepared, load0, load1,
    seconds: (Date.now() - started) / 1000 });
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, md);
  fs.writeFileSync(outFile.replace(/\.md$/, ".json"), JSON.stringify({ runs, requests, warmup, heapRequests, allocRequests,
    cpuInterval, heapInterval, load0, load1 }, null, 1));
  console.log(md);
  console.error(`written to ${path.relative(process.cwd(), outFile)} (raw figures: ${path.basename(outFile.replace(/\.md$/, ".json"))})`);
}

/** The commit measured and the Java files changed in the working tree (read-only: no optional locks). */
function sourceState() {
  if (option("--sources")) return ` Sources: ${option("--sources")}.`;
  const git = (...a) => spawnSync("git", ["--no-optional-locks", "-C", ROOT, ...a], { encoding: "utf8" });
  const head = git("rev-parse", "--short", "HEAD");
  if (head.status !== 0) return "";
  const changed = git("status", "--porcelain", "--", "*.java").stdout.split("\n").filter(Boolean)
    .map((l) => path.basename(l.slice(3).trim()));
  return ` Sources: commit ${head.stdout.trim()}${changed.length ? `, with uncommitted changes to ${changed.join(", ")}` : ""}.`;
}

function render(c) {
  const { runs } = c;
  const mid = Math.floor(runs.length / 2);
  const last = runs[mid]; // the middle repeat, for the per-function details
  const S = (f) => stat(runs.map(f));
  const M = (f) => median(runs.map(f));
  // A row's µs: its share of the profiled loop times the same repeat's unprofiled wall time (see the notes below).
  const scale = (r) => r.wall.workers.usPerRequest / r.cpu.sampledUsPerRequest;
  const rowUs = (k) => S((r) => r.cpu.usPerRequest[k] * scale(r));
  const rowOutsideUs = (k) => M((r) => (r.cpu.outsideModuleUs[k] ?? 0) * scale(r));
  const rowShare = (k) => M((r) => r.cpu.usPerRequest[k] / r.cpu.sampledUsPerRequest);
  const rowBytes = (k) => S((r) => r.heap.bytesPerRequest[k]);
  const rowOutsideBytes = (k) => M((r) => r.heap.outsideModuleBytes[k] ?? 0);
  const wall = (s) => S((r) => r.wall[s].usPerRequest);
  const alloc = (s) => S((r) => r.alloc[s].bytesPerRequest);
  const others = stat(runs.flatMap((r) => [...Object.values(r.wall).map((w) => w.othersCores), r.cpu.othersCores]));
  const names = (list, unit) => list.map(([name, v]) => `\`${shortName(name)}\` ${unit(v)}`).join(", ");
  const usName = (v) => `${v.toFixed(1)} µs`;
  const bName = (v) => `${f0(v)} B`;
  const hostKeys = [...STAGES.map((s) => s.key), "glue", "gc", "program", "idle"];
  const hostUs = S((r) => hostKeys.reduce((a, k) => a + r.cpu.usPerRequest[k], 0) * scale(r));
  const hostBytes = S((r) => r.heap.sampledBytesPerRequest - r.heap.bytesPerRequest.harness);
  const outside = (k) => (["gc", "program", "idle"].includes(k) ? ""
    : ` Outside the module's own JS (node, undici, V8 builtins): ${f1(rowOutsideUs(k))} µs, ${f0(rowOutsideBytes(k))} B.`);
  const scaled = (f) => f1(M((r) => f(r) * scale(r)));

  const notes = {
    body: `LimitedBodyRead (content-length check, arrayBuffer() and its callback), FetchHandler's body callback (toRequestBody, inlined), and the platform's promise jobs that read the body (undici's arrayBuffer, no JS frame of ours: ${scaled((r) => r.cpu.asyncUs.body)} µs, ${f0(M((r) => r.heap.asyncBytes.body))} B).`,
    mapping: "FetchAdapter.toHttpRequest: the method, the URL's path and raw query, the header fields as a FetchHeaderFields over the request's Headers (read later, by name), the kernel's HttpRequest.",
    route: "FlowHttpHost.admit, once per request: the header limit (the section added up over the Headers), the method, the probe, the route (404, 405), the body limit, the Invocation; its payload, metadata and run are the rows of their own.",
    metadata: "RequestMetadata.fill: http.* labels, http.headers and http.query (now, or wherever they are first read), header-borne lf.* and auth.user (neither header is sent here): each name asked of the Headers.",
    parse: "FlowHttpHost.payload → JsonParser.parse(byte[]) (UTF-8 decoded by hand).",
    run: "FlowRuntime.execute: the runtime's lf.* labels (lf.run_id), the auth plugin, FlowExecutor.runOnce → StraightLineRun: trigger, normalize (RustText trim + lowercase), responder.",
    write: "JsonWriter.toBytes: toJson (StringBuilder) + Utf8.encode.",
    response: "FetchAdapter.toResponse: the headers, ResponseInit, the body, new Response.",
    glue: `Module code outside every stage; by innermost flowconf function: ${names(last.cpu.glueByFrame.slice(0, 5).map(([k, v]) => [k, v * scale(last)]), usName)}.`,
    gc: `Scavenges (and the occasional mark-compact) of what every row allocated; not split by stage: V8 mostly runs them as a task, after the host answered (${scaled((r) => r.cpu.pseudoByWindow.gc.client)} µs of the row: while the client read the response or between requests).`,
    program: `Native code with no JS frame of ours during a request (promise machinery, C++ builtins): ${scaled((r) => r.cpu.pseudoByWindow.program.answer)} µs in the host's turn (body jobs + answer), ${scaled((r) => r.cpu.pseudoByWindow.program.client)} µs while the client reads the response.`,
    idle: "",
    harness: "Not the host's cost: new Request (undici) in this script, the response's text() with its promise jobs, and the event-loop turn each request starts from (setImmediate); compare the floor below.",
  };
  const L = [];
  L.push(`## Workers host: per-request budget of S1 \`POST /echo\`, under node`);
  L.push("");
  L.push(`${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, node ${process.version} (V8 ${process.versions.v8}), ${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? "CPU"}; ` +
    `load average ${c.load0.map((x) => x.toFixed(2)).join(" ")} before, ${c.load1.map((x) => x.toFixed(2)).join(" ")} after; ` +
    `other processes took ${f1(others.med * 100)} % of a core during the measured loops (${f1(others.min * 100)}–${f1(others.max * 100)} %). ` +
    `${runs.length} repeats, each in fresh node processes: figures are medians (min–max over the repeats). ${c.seconds.toFixed(0)} s in all.${sourceState()}`);
  L.push("");
  L.push(`Request: \`POST ${URL_S1}\`, headers ${Object.entries(HEADERS).map(([k, v]) => `\`${k}: ${v}\``).join(", ")}, body \`${BODY}\`. ` +
    `The unminified module (${f0(c.prepared.bytes)} B) with a stub for \`cloudflare:workers\`, its \`fetch\` called directly, one request at a time, ` +
    `each response read with \`response.text()\`. µs: V8's CPU profiler (node:inspector, ${c.cpuInterval} µs interval asked, ` +
    `${f1(M((r) => r.cpu.meanSampleIntervalUs))} µs got, ${f0(M((r) => r.cpu.samples))} samples per repeat) over ${f0(c.requests)} requests after ${f0(c.warmup)} warm-up, ` +
    `each row's share of the profile times the unprofiled wall time; bytes: V8's sampling heap profiler (${c.heapInterval} B interval, objects collected by minor and major GCs kept) over ` +
    `${f0(c.heapRequests)} requests. A sample is charged to the innermost stage function on its stack.`);
  L.push("");
  L.push("| Stage | µs/request | share | bytes/request | notes |");
  L.push("|---|---|---|---|---|");
  for (const row of ROWS) {
    if (row.key === "idle" && rowUs("idle").max < 0.05) continue;
    const b = ["gc", "program", "idle"].includes(row.key) ? "—" : bytes(rowBytes(row.key));
    L.push(`| ${row.label} | ${us(rowUs(row.key))} | ${pct(rowShare(row.key))} | ${b} | ${notes[row.key]}${outside(row.key)} |`);
  }
  const hostCheck = `Check: Workers − floor, measured without a profiler, is ${f1(wall("workers").med - wall("floor").med)} µs; the harness row is ${f1(rowUs("harness").med)} µs against the floor's ${f1(wall("floor").med)}.`;
  L.push(`| **host** (every row but the harness) | **${us(hostUs)}** | ${pct(M((r) => hostKeys.reduce((a, k) => a + r.cpu.usPerRequest[k], 0) / r.cpu.sampledUsPerRequest))} | **${bytes(hostBytes)}** | ${hostCheck} |`);
  L.push(`| **total** | **${us(wall("workers"))}** | 100 % | **${bytes(S((r) => r.heap.sampledBytesPerRequest))}** | Unprofiled wall time. The profile's rows add up to ${us(S((r) => r.cpu.sampledUsPerRequest))} µs against the profiled loop's wall time of ${us(S((r) => r.cpu.profiledUsPerRequest))} (samples cover ${pct(M((r) => r.cpu.sampledUsPerRequest / r.cpu.profiledUsPerRequest))} of it); the profiler slows the loop by ${pct(M((r) => r.cpu.profiledUsPerRequest / r.wall.workers.usPerRequest - 1))}. |`);
  L.push("");
  L.push("| Whole request (one at a time, each from an event-loop turn, awaiting `response.text()`) | µs/request | bytes/request (JS heap, exact) |");
  L.push("|---|---|---|");
  L.push(`| Workers host (TeaVM module) | ${us(wall("workers"))} | ${bytes(alloc("workers"))} |`);
  L.push(`| plain JS worker (bench/plain-worker/entry.mjs) | ${us(wall("plain"))} | ${bytes(alloc("plain"))} |`);
  L.push(`| floor: event-loop turn + \`new Request\` + \`await request.text()\` | ${us(wall("floor"))} | ${bytes(alloc("floor"))} |`);
  L.push(`| Workers − floor, plain − floor | ${f1(wall("workers").med - wall("floor").med)}, ${f1(wall("plain").med - wall("floor").med)} (${(
    (wall("workers").med - wall("floor").med) / (wall("plain").med - wall("floor").med)).toFixed(2)}×) | ${f0(alloc("workers").med - alloc("floor").med)}, ${f0(alloc("plain").med - alloc("floor").med)} (${(
    (alloc("workers").med - alloc("floor").med) / (alloc("plain").med - alloc("floor").med)).toFixed(2)}×) |`);
  L.push(`| Workers / plain | ${(wall("workers").med / wall("plain").med).toFixed(2)}× | ${(alloc("workers").med / alloc("plain").med).toFixed(2)}× |`);
  L.push("");
  L.push("How to read it:");
  L.push("");
  L.push(`- **µs** are the profile's shares of the loop times the unprofiled wall time of the same repeat. The profiler's cost is spread ` +
    `like the samples (its per-sample stack walk lands where the samples land): shares measured at 50, 100, 250 and 1000 µs intervals agreed within about one point ` +
    `while the slowdown went from 30 % to 5 %. Samples with no JS frame of the module or of this script (the platform's promise jobs) are placed by ` +
    `time marks taken around each request: between fetch's return and the Response they are the body read, after it the client's. ` +
    `Each request starts from an event-loop turn of its own (setImmediate), as a request reaching workerd does; without it the loop would be one ` +
    `chain of promise jobs that never ends V8's microtask checkpoint.`);
  L.push(`- **Bytes** per stage are the sampling heap profiler's estimates (each ${c.heapInterval} B sample scaled to its object's size), ` +
    `taken with TurboFan's inlining off (\`--no-turbo-inlining\`): the sampler records physical frames only, so with inlining an allocation ` +
    `in an inlined stage function would count for its caller; without it, escape analysis removes a little less (about 4 % more bytes). ` +
    `The rows add up to ${bytes(S((r) => r.heap.sampledBytesPerRequest))} B/request against ${bytes(alloc("workers"))} B measured exactly as the JS heap's growth over ` +
    `batches of ${f0(c.allocRequests)} requests during which no GC ran (young generation of 256 MiB). Neither counts ArrayBuffer backing stores (outside the JS heap). ` +
    `The platform's promise jobs are placed by what comes next in allocation order (the module's next callback: the body; the harness: the client).`);
  L.push(`- **Under node, not workerd.** Request, Response, Headers, URL and streams are node's (undici, JS web streams) here, ` +
    `C++ in workerd: the "outside the module's own JS" part of the body, mapping and Response rows, the harness row and the floor are node's costs, not workerd's. ` +
    `The rest is the module's own JS, which V8 runs the same way in both.`);
  L.push("");
  L.push("Functions per stage (TeaVM's unminified names as found in this module; innermost wins):");
  L.push("");
  for (const stage of STAGES) L.push(`- ${stage.label}: ${c.prepared.mapped[stage.key].map((name) => `\`${name}\``).join(", ") || "**none found**"}`);
  L.push(`- body read also: the platform's promise jobs between fetch's return and the Response (no frame of the module or of this script).`);
  L.push(`- glue, never the stage outside them: ${c.prepared.mapped.barriers.map((name) => `\`${name}\``).join(", ")} (what they call that is no stage).`);
  L.push(`- An anonymous function (a @JSBody script's callback, TeaVM's call wrappers) counts as the top-level function whose text holds it: \`name/(anonymous)\`.`);
  L.push("");
  L.push(`Top 15 functions by self time, and by bytes allocated (repeat ${mid + 1}, µs scaled like the rows):`);
  L.push("");
  L.push("| # | function (self time) | µs/request | function (allocation) | bytes/request |");
  L.push("|---|---|---|---|---|");
  for (let i = 0; i < 15; i++) {
    const [fn, v] = last.cpu.topSelf[i] ?? ["", NaN];
    const [an, av] = last.heap.topAllocators[i] ?? ["", NaN];
    L.push(`| ${i + 1} | \`${fn.replace(" @ ", " ")}\` | ${f1(v * scale(last))} | \`${an.replace(" @ ", " ")}\` | ${f0(av)} |`);
  }
  L.push("");
  L.push("Inside each row, the top functions by self time, then by allocation:");
  L.push("");
  for (const row of ROWS) {
    const t = last.cpu.topSelfByStage[row.key];
    const h = last.heap.topByStage[row.key];
    if (!t && !h) continue;
    L.push(`- ${row.label}: ${t ? names(t.map(([k, v]) => [k, v * scale(last)]), usName) : "—"}; ${h ? names(h, bName) : "—"}`);
  }
  if (c.prepared.missing.length) L.push(`\n**Warning:** no function of stage(s) ${c.prepared.missing.join(", ")} in the module: renamed?`);
  if (runs.some((r) => !r.cpu.clockCheck.marksWithinProfile)) L.push(`\n**Warning:** time marks outside the CPU profile's span in some repeat: the async split is unreliable.`);
  if (runs.some((r) => Object.values(r.alloc).some((a) => a.batches < 3))) L.push(`\n**Warning:** some allocation batches saw a GC and were dropped: ${runs.map((r) => Object.entries(r.alloc).map(([k, a]) => `${k} ${a.batches}/3`).join(", ")).join("; ")}.`);
  L.push("");
  return L.join("\n");
}

if (argv[0] === "--child") {
  const result = await child(argv[1]);
  process.stdout.write(`\n@@RESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
} else {
  await driver();
}
