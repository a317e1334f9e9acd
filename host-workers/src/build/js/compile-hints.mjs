// Build step (host-workers' pom, right after TeaVM): marks the functions the Worker runs while it loads and answers its
// first requests for eager compilation, the way V8 reads such a mark.
//
//   node compile-hints.mjs --module-dir DIR [--request "METHOD PATH [JSON BODY]"]...
//
// Why (issue 13, startup): V8 compiles a module lazily. Loading it only pre-parses each function; the first call
// parses that function again, in full, and compiles it. A Worker's first request calls some 450 of TeaVM's functions
// for the first time, and that second parse was about 5 ms of it. V8 compiles a function expression in parentheses,
// `(function (…) {…})`, while it parses the module, the one time, as a likely-called function. So this step:
//   1. runs a node-runnable copy of DIR under `node --log-function-events` and sends it the requests, each to a fresh
//      Request through the module's own fetch (default: S1's POST /echo, GET /stream, an unknown route);
//   2. reads from V8's log which functions of flowconf-host.js ran for the first time before the requests ended;
//   3. rewrites each of them in place: an arrow function `(a, b) => {…}` becomes `(function (a, b) {…})`, an
//      anonymous function expression gains the parentheses, and a declaration at the module's top level,
//      `function C(…) {…}` (TeaVM's constructors), becomes `var C=(function C(…) {…});`. An arrow whose body mentions
//      `this`, `arguments`, `super`, `new.target`, `await` or `yield` stays as it is (an arrow's meaning of them is
//      not a function's); so do async functions and declarations inside other functions;
//   4. runs the rewritten module the same way and fails the build unless every answer is the same, byte for byte;
//   5. writes it over DIR/flowconf-host.js.
// Only which functions V8 compiles up front changes; no function's code does.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { nodeRunnableCopy } from "./node-runnable.mjs";

const SELF = fileURLToPath(import.meta.url);
const DEFAULT_REQUESTS = ['POST /echo {"value":"  HeLLo  "}', "GET /stream", "GET /no-such-route"];
const END_MARK = "compileHintsRequestsEnded";
const ANSWERS = "@@compile-hints answers ";
/** Ends a module this step rewrote, so a second run over the same file leaves it alone. */
const SIGNATURE = "\n// flowconf: compile hints marked (host-workers/src/build/js/compile-hints.mjs)\n";

// ------------------------------------------------------------------------------------------------ the profiled run

function parseRequest(spec) {
  const m = /^([A-Z]+) (\/\S*)(?: (.*))?$/.exec(spec);
  if (!m) throw new Error(`not "METHOD PATH [BODY]": ${spec}`);
  return { method: m[1], path: m[2], body: m[3] };
}

/** In the child: import the module, send the requests one after another, print the answers as JSON. */
async function drive(dir, specs) {
  const worker = (await import(pathToFileURL(path.join(dir, "entry.mjs")).href)).default;
  const ctx = { waitUntil() {}, passThroughOnException() {} };
  const answers = [];
  for (const { method, path: target, body } of specs.map(parseRequest)) {
    const headers = body === undefined ? {}
      : { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) };
    const response = await worker.fetch(new Request(`http://127.0.0.1:8787${target}`, { method, headers, body }), {}, ctx);
    answers.push({ request: `${method} ${target}`, status: response.status,
      type: response.headers.get("content-type"), body: await response.text() });
  }
  compileHintsRequestsEnded();
  process.stdout.write(`\n${ANSWERS}${JSON.stringify(answers)}\n`);
}

/** Its first execution in V8's log is where the profile ends. */
function compileHintsRequestsEnded() {}

/** Runs the module in a child node; returns its answers and, when logFile is given, V8's function-event log. */
function runModule(dir, specs, logFile) {
  const flags = logFile ? ["--log-function-events", `--logfile=${logFile}`, "--no-logfile-per-isolate"] : [];
  const child = spawnSync(process.execPath, [...flags, SELF, "--drive", dir, JSON.stringify(specs)],
    { encoding: "utf8", maxBuffer: 64 << 20 });
  if (child.status !== 0) throw new Error(`the module failed under node (exit ${child.status}):\n${child.stderr}`);
  // The module may print too; the answers are on a line of their own.
  const line = child.stdout.split("\n").find((l) => l.startsWith(ANSWERS));
  if (!line) throw new Error(`no answers from the module under node:\n${child.stdout}${child.stderr}`);
  return JSON.parse(line.slice(ANSWERS.length));
}

/** [start, end] source positions of flowconf-host.js's functions first run before the end mark, from V8's log. */
function functionsRun(logFile) {
  const lines = fs.readFileSync(logFile, "utf8").split("\n");
  let moduleScript = null;
  let end = null;
  const firstRuns = [];
  for (const line of lines) {
    const f = line.split(",");
    if (f[0] === "script-details" && f[2].endsWith("/flowconf-host.js")) moduleScript = f[1];
    if (f[0] !== "function" || f[1] !== "first-execution") continue;
    if (f[7] === END_MARK) end = Number(f[6]);
    else firstRuns.push({ script: f[2], start: Number(f[3]), end: Number(f[4]), at: Number(f[6]) });
  }
  if (moduleScript === null || end === null) throw new Error("V8's log lacks the module or the end mark");
  // A function whose closures are made many times may be logged once per closure.
  const unique = new Map();
  for (const r of firstRuns) if (r.script === moduleScript && r.at < end) unique.set(`${r.start},${r.end}`, [r.start, r.end]);
  return [...unique.values()];
}

// ------------------------------------------------------------------------------------------------ the rewrite

const IDENT = /[A-Za-z0-9_$]/;
const ARROW_UNSAFE = /(?<![\w$.])(this|arguments|super|await|yield)(?![\w$])|new\s*\.\s*target/;

/**
 * Wraps the functions at the given V8 positions (an arrow's starts at its parameters, any other function's at its
 * "(") as parenthesised function expressions. Returns {text, eager, kept}: the rewritten text, and the positions
 * rewritten and left as they were.
 */
export function markEager(text, positions) {
  const edits = [];
  const kept = [];
  const eager = [];
  // A declaration is rewritten only at the module's top level, where the var is assigned while the module loads, before
  // any request can call it; one called during loading before its line would throw, and the check run would fail.
  // A declaration inside another function listed (an enclosing function ran, if a nested one did) stays as it is.
  const inner = positions.filter(([s, e]) => !(s === 0 && e >= text.length - 1));
  const topLevel = (start, end) => !inner.some(([s, e]) => s < start && end <= e);
  for (const [start, end] of positions) {
    const edit = eagerEdit(text, start, end, topLevel);
    if (edit) {
      edits.push(...edit);
      eager.push([start, end]);
    } else {
      kept.push([start, end]);
    }
  }
  // Ends that coincide close inner functions (later starts) first; a replacement ends where a nested insertion begins.
  edits.sort((a, b) => a.at - b.at || a.order - b.order);
  let out = "";
  let p = 0;
  for (const e of edits) {
    if (e.at < p) throw new Error(`overlapping rewrites at ${e.at}`);
    out += text.slice(p, e.at) + e.insert;
    p = e.upTo ?? e.at;
  }
  return { text: out + text.slice(p), eager, kept };
}

function eagerEdit(text, start, end, topLevel) {
  let before = start;
  while (before > 0 && /\s/.test(text[before - 1])) before--;
  if (text[start] === "(" && text.slice(before - 8, before) === "function") {
    // An anonymous function expression (a declaration has a name between the keyword and the parenthesis).
    const keyword = before - 8;
    if (IDENT.test(text[keyword - 1] ?? "") || /async\s*$/.test(text.slice(Math.max(0, keyword - 8), keyword))) return null;
    if (text[end - 1] !== "}") return null;
    return [{ at: keyword, insert: "(", order: 0 }, { at: end, insert: ")", order: -keyword }];
  }
  if (text[start] === "(") {
    // A function declaration, "function name(": made a var holding the same function as a parenthesised expression.
    let n = before;
    while (n > 0 && IDENT.test(text[n - 1])) n--;
    const name = text.slice(n, before);
    let k = n;
    while (k > 0 && /\s/.test(text[k - 1])) k--;
    if (name && k < n && text.slice(k - 8, k) === "function" && !IDENT.test(text[k - 9] ?? "")) {
      let b = k - 8;
      while (b > 0 && /\s/.test(text[b - 1])) b--;
      if ((b === 0 || ";}{".includes(text[b - 1])) && text[end - 1] === "}" && topLevel(start, end)) {
        return [{ at: k - 8, insert: `var ${name}=(`, order: 0 }, { at: end, insert: ");", order: -(k - 8) }];
      }
    }
  }
  // An arrow: "(params) =>" or "param =>".
  let p = start;
  if (text[p] === "(") {
    p = text.indexOf(")", p);
    if (p < 0 || text.slice(start + 1, p).includes("(")) return null;
    p++;
  } else {
    while (p < end && IDENT.test(text[p])) p++;
    if (p === start) return null;
  }
  const params = text.slice(text[start] === "(" ? start + 1 : start, text[start] === "(" ? p - 1 : p).trim();
  while (/\s/.test(text[p])) p++;
  if (text.slice(p, p + 2) !== "=>") return null;
  if (/async\s*$/.test(text.slice(Math.max(0, start - 8), start))) return null;
  p += 2;
  while (/\s/.test(text[p])) p++;
  const body = text.slice(p, end);
  if (ARROW_UNSAFE.test(body)) return null;
  const block = text[p] === "{";
  if (block && text[end - 1] !== "}") return null;
  return [
    { at: start, upTo: p, insert: block ? `(function(${params})` : `(function(${params}){return `, order: 0 },
    { at: end, insert: block ? ")" : ";})", order: -start },
  ];
}

// ------------------------------------------------------------------------------------------------ main

/** How many bytes of the text the ranges cover (nested functions counted once). */
function coveredBytes(ranges) {
  let covered = 0;
  let reach = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (e > reach) {
      covered += e - Math.max(s, reach);
      reach = e;
    }
  }
  return covered;
}

function main(argv) {
  let moduleDir = null;
  const specs = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--module-dir") moduleDir = argv[++i];
    else if (argv[i] === "--request") specs.push(argv[++i]);
    else throw new Error(`unknown option ${argv[i]}`);
  }
  if (!moduleDir) throw new Error("usage: compile-hints.mjs --module-dir DIR [--request \"METHOD PATH [BODY]\"]...");
  if (specs.length === 0) specs.push(...DEFAULT_REQUESTS);
  const modulePath = path.join(moduleDir, "flowconf-host.js");
  const original = fs.readFileSync(modulePath, "utf8");
  if (original.endsWith(SIGNATURE)) {
    console.log("compile hints: already marked (TeaVM left the module as it was)");
    return;
  }

  const profiled = nodeRunnableCopy(moduleDir, "flowconf-compile-hints-");
  try {
    if (profiled.moduleText.length !== original.length) throw new Error("the node-runnable copy moved the module's text");
    const logFile = path.join(profiled.dir, "v8.log");
    const answers = runModule(profiled.dir, specs, logFile);
    const run = functionsRun(logFile);
    const { text, eager, kept } = markEager(original, run);

    fs.writeFileSync(path.join(profiled.dir, "flowconf-host.js"), markEager(profiled.moduleText, run).text);
    const again = runModule(profiled.dir, specs, null);
    if (JSON.stringify(again) !== JSON.stringify(answers)) {
      throw new Error(`the rewritten module answers differently:\n${JSON.stringify(answers)}\n${JSON.stringify(again)}`);
    }
    fs.writeFileSync(modulePath, text + SIGNATURE);
    console.log(`compile hints: ${eager.length} of the ${run.length} functions run by ${specs.length} requests marked eager `
      + `(${(coveredBytes(eager) / 1024).toFixed(1)} of ${(original.length / 1024).toFixed(1)} kB; ${kept.length} left lazy); `
      + `answers unchanged: ${answers.map((a) => `${a.request} ${a.status}`).join(", ")}`);
  } finally {
    fs.rmSync(profiled.dir, { recursive: true, force: true });
  }
}

// Run as a script (not when a test imports markEager).
if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  if (process.argv[2] === "--drive") await drive(process.argv[3], JSON.parse(process.argv[4]));
  else main(process.argv.slice(2));
}
