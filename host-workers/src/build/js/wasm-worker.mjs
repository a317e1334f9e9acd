// Build step (host-workers' pom, after TeaVM's Wasm GC build): turns TeaVM's flowconf-host.wasm into the Worker's
// module directory, which workerd and Cloudflare load as it is.
//
//   node wasm-worker.mjs --module-dir DIR --teavm-runtime FILE --tools NODE_MODULES --wrangler-toml FILE
//     [--compare-with DIR]
//
// DIR holds flowconf-host.wasm (TeaVM's), entry.mjs and flowconf-spill.mjs. FILE is TeaVM's wasm-gc-module-runtime.js
// (the pom unpacks it from the teavm-core jar). NODE_MODULES is host-workers/node_modules (esbuild, binaryen and workerd,
// pinned by host-workers/package-lock.json). The step:
//   1. shrinks the module with binaryen's wasm-opt -Oz, with only the WebAssembly features workerd's V8 runs, keeping
//      TeaVM's string pool initializer out of the start function (wasm-start.mjs);
//   2. rewrites TeaVM's runtime so that it makes no code from strings (wasm-runtime.mjs says why and how);
//   3. records, in workerd, each @JSBody the module asks the runtime for while it instantiates (TeaVM makes them all
//      then), and writes them as ordinary functions; it runs again with those until no new one appears;
//   4. writes the glue (import the compiled module, instantiate it with the runtime's imports and the string bridge's,
//      wasm-strings.mjs, export what the module exports, as the JavaScript build's flowconf-host.js does) and bundles it
//      with the runtime into DIR/flowconf-host.js (esbuild: tree-shaken, minified);
//   5. fails unless the module imports the string bridge (StringBridgePlugin, in host-workers' Java, routes TeaVM's
//      string conversions there while TeaVM compiles);
//   6. with --compare-with (the JavaScript build of the same host), fails unless both export the same names and, served
//      in workerd, answer POST /echo, GET /stream, an unknown route and a 70,000-character echo the same, byte for byte.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { bodiesModule, rewriteRuntime } from "./wasm-runtime.mjs";
import { checkStartWithoutLoop, loopingStartCallees } from "./wasm-start.mjs";

const SELF = fileURLToPath(import.meta.url);
const WASM = "flowconf-host.wasm";
const GLUE = "flowconf-host.js";
/** What workerd's V8 runs of what TeaVM's Wasm GC output uses; wasm-opt must not add anything else. */
const WASM_FEATURES = ["--mvp-features", "--enable-gc", "--enable-reference-types", "--enable-exception-handling",
  "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-multivalue",
  "--enable-mutable-globals"];
const CHECKS = [
  { method: "POST", path: "/echo", body: '{"value":"  HeLLo  "}' },
  { method: "GET", path: "/stream" },
  { method: "GET", path: "/no-such-route" },
  // An answer longer than the string bridge's area (wasm-strings.mjs), so it crosses in pieces; not all ASCII.
  { method: "POST", path: "/harness/echo", body: JSON.stringify({ value: `${"Ω".repeat(40_000)}😀${"é".repeat(30_000)}` }) },
  // Strings the other way, JavaScript to Java: a URL longer than the area (a character per call) and a header within it
  // (through the area), both echoed by /meta, whose host and run id vary (normalized below).
  { method: "POST", path: `/meta?emoji=%F0%9F%98%80&long=${"q".repeat(40_000)}`, body: "{}",
    headers: { "x-request-id": `é${"v".repeat(30_000)}ÿ` } },
];

/** An answer without what differs from one workerd to the next: the port in the host, the run id. */
function normalized(body) {
  return body.replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:PORT").replace(/"lf\.run_id":"[^"]*"/g, '"lf.run_id":"…"');
}

// ------------------------------------------------------------------------------------------------ the module's facts

function leb128(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

/** A WebAssembly module's sections, in order: their id and where their content starts and ends. */
function* sections(bytes) {
  let at = 8; // magic and version
  while (at < bytes.length) {
    const id = bytes[at++];
    let size;
    [size, at] = leb128(bytes, at);
    yield { id, start: at, end: at + size };
    at += size;
  }
}

function utf8(bytes, start, end) {
  return Buffer.from(bytes.subarray(start, end)).toString("utf8");
}

/** A name (its length, then UTF-8) at `at`, and where the next field starts. */
function readName(bytes, at) {
  const [length, from] = leb128(bytes, at);
  return [utf8(bytes, from, from + length), from + length];
}

/** A WebAssembly module's custom section `name`, as text; null when it has none. */
export function customSection(bytes, name) {
  for (const { id, start, end } of sections(bytes)) {
    if (id !== 0) continue;
    const [sectionName, contentAt] = readName(bytes, start);
    if (sectionName === name) return utf8(bytes, contentAt, end);
  }
  return null;
}

/** Skips a value type: one byte, or a reference type's prefix and its heap type (a signed LEB128). */
function skipValueType(bytes, at) {
  const code = bytes[at++];
  return code === 0x63 || code === 0x64 ? leb128(bytes, at)[1] : at;
}

/** Skips limits: a flags byte, the minimum and, when flagged, the maximum. */
function skipLimits(bytes, at) {
  const flags = bytes[at++];
  [, at] = leb128(bytes, at);
  return flags & 1 ? leb128(bytes, at)[1] : at;
}

/**
 * The entries of the module's section `id` (a count, then the entries), each as `readEntry(at)` gives it: `[entry, the
 * next entry's position]`.
 */
function sectionEntries(bytes, id, readEntry) {
  const entries = [];
  for (const section of sections(bytes)) {
    if (section.id !== id) continue;
    let [count, at] = leb128(bytes, section.start);
    for (let entry; count > 0; count--) {
      [entry, at] = readEntry(at);
      entries.push(entry);
    }
  }
  return entries;
}

/** The functions a WebAssembly module imports, as { module, name }, from its import section. */
export function functionImports(bytes) {
  return sectionEntries(bytes, 2, (from) => {
    const [module, nameAt] = readName(bytes, from);
    const [name, kindAt] = readName(bytes, nameAt);
    const kind = bytes[kindAt];
    let at = kindAt + 1;
    if (kind === 0 || kind === 4) at = leb128(bytes, at + (kind === 4 ? 1 : 0))[1]; // a type index
    else if (kind === 1) at = skipLimits(bytes, skipValueType(bytes, at));
    else if (kind === 2) at = skipLimits(bytes, at);
    else if (kind === 3) at = skipValueType(bytes, at) + 1; // and mutability
    else throw new Error(`import ${module}.${name} has an unknown kind ${kind}`);
    return [kind === 0 ? { module, name } : null, at];
  }).filter((entry) => entry !== null);
}

/**
 * Fails unless the module crosses strings through the string bridge (wasm-strings.mjs), both ways: without it, TeaVM's
 * own fallback takes one import call per character, which nothing else would notice but the startup and per-request
 * figures. Java to JavaScript always; JavaScript to Java wherever the module reads a JavaScript string at all (it then
 * imports `wasm:js-string.charCodeAt`, TeaVM's own or the bridge's fallback for a string past the area): section 5's
 * minimal module (-Pminimal-s1) reads none.
 */
export function checkStringBridge(bytes) {
  const imports = functionImports(bytes);
  const bridged = imports.filter(({ module }) => module === "flowconfStrings").map(({ name }) => name);
  const readsJsStrings = imports.some(({ module, name }) => module === "wasm:js-string" && name === "charCodeAt");
  const required = ["scratchAddress", "appendChars", ...(readsJsStrings ? ["charsIntoScratch"] : [])];
  for (const name of required) {
    if (!bridged.includes(name)) {
      throw new Error(`the module does not import flowconfStrings.${name}: dev.flowconf.workers.strings.StringBridgePlugin `
        + "did not run, so every string would cross one character per call");
    }
  }
}

/**
 * The names of what TeaVM exported from Java (`@JSExport`, a main method): its export section's globals (TeaVM hands
 * each function over as a global holding it), less the `teavm…` ones its runtime reads.
 */
export function javaExports(bytes) {
  return sectionEntries(bytes, 7, (from) => {
    const [name, kindAt] = readName(bytes, from);
    const kind = bytes[kindAt];
    return [kind === 3 && !name.startsWith("teavm") ? name : null, leb128(bytes, kindAt + 1)[1]]; // then the index
  }).filter((name) => name !== null);
}

/** The ES modules the module imports (TeaVM lists them in its `teavm.imports` section; its runtime provides teavm*). */
export function esModuleImports(bytes) {
  const listed = JSON.parse(customSection(bytes, "teavm.imports") ?? "[]");
  return listed.filter(({ module }) => !/^teavm/.test(module));
}

// ------------------------------------------------------------------------------------------------ the glue

/**
 * The module DIR/flowconf-host.js is bundled from: instantiates the compiled module as TeaVM's loader would (defaults,
 * linkImports, the ES modules it imports as externref globals), synchronously, with the string bridge's memory and
 * imports (wasm-strings.mjs), and exports each of its functions.
 */
export function glueModule(imports, exportNames, wasm = WASM) {
  const modules = [...new Set(imports.map(({ module }) => module))];
  const lines = [
    "// Written by host-workers/src/build/js/wasm-worker.mjs: TeaVM's Wasm GC module, instantiated while the Worker",
    "// loads, exporting what it exports from Java.",
    `import wasmModule from "./${wasm}";`,
    'import { defaults, linkImports } from "./teavm-runtime.mjs";',
    'import { memoryWithScratch, stringBridge } from "./wasm-strings.mjs";',
    ...modules.map((module, i) => `import * as esModule${i} from ${JSON.stringify(module)};`),
    `const esModules = { ${modules.map((module, i) => `${JSON.stringify(module)}: esModule${i}`).join(", ")} };`,
    "const imports = {};",
    "const runtime = defaults(imports, {}, false);",
    "const memory = memoryWithScratch(wasmModule);",
    "const allocator = await linkImports(imports, { memory: { external: memory } }, wasmModule, []);",
    "imports.flowconfStrings = stringBridge(imports, memory);",
    `for (const { module, name } of ${JSON.stringify(imports)}) {`,
    "  const value = name === \"__self__\" ? esModules[module] : esModules[module][name];",
    "  (imports[module] ??= {})[name] = new WebAssembly.Global({ value: \"externref\", mutable: false }, value);",
    "}",
    "const instance = new WebAssembly.Instance(wasmModule, imports);",
    'allocator.malloc = instance.exports["teavm.malloc"];',
    'allocator.free = instance.exports["teavm.free"];',
    'allocator.realloc = instance.exports["teavm.realloc"];',
    "runtime.supplyExports(instance.exports);",
    ...exportNames.map((name) => `export const ${name} = instance.exports.${name}.value;`),
  ];
  return lines.join("\n") + "\n";
}

/** The JavaScript build's named exports, which the Wasm build must have too (`export{D as fetch,…}`). */
export function jsExportNames(moduleText) {
  const list = /export\s*{([^}]*)}\s*;?\s*(?:\/\/[^\n]*\n?\s*)*$/.exec(moduleText.trimEnd() + "\n");
  if (!list) throw new Error("no export list at the end of the JavaScript build's module");
  return list[1].split(",").map((item) => item.trim().split(/\s+as\s+/).pop()).filter(Boolean);
}

// ------------------------------------------------------------------------------------------------ workerd

/** wrangler.toml's compatibility date and flags, which workerd runs the module with here as everywhere. */
export function compatibility(wranglerToml) {
  const toml = fs.readFileSync(wranglerToml, "utf8");
  const date = /^compatibility_date\s*=\s*"([0-9-]+)"/m.exec(toml);
  if (!date) throw new Error(`${wranglerToml} has no compatibility_date`);
  const flags = /^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(toml);
  return { date: date[1], flags: flags ? [...flags[1].matchAll(/"([^"]*)"/g)].map((m) => m[1]) : [] };
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * DIR's modules as workerd config entries, entry.mjs first (the main module): JavaScript as ES modules, .wasm as
 * compiled WebAssembly; embed paths are "/name", resolved through `--import-path DIR`.
 */
export function moduleEmbeds(dir) {
  const others = fs.readdirSync(dir).filter((n) => /\.(m?js|wasm)$/.test(n) && n !== "entry.mjs").sort();
  return ["entry.mjs", ...others].map((n) => `(name = "${n}", ${n.endsWith(".wasm") ? "wasm" : "esModule"} = embed "/${n}")`);
}

/** Serves DIR's modules in workerd, runs `use(url)`, stops it; workerd's output joins any error. */
export async function withWorkerd(workerdBin, dir, compat, use) {
  const port = await freePort();
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), "flowconf-wasm-worker-"));
  const config = path.join(configDir, "worker.capnp");
  fs.writeFileSync(config, `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [${moduleEmbeds(dir).join(", ")}],
  compatibilityDate = "${compat.date}",
  compatibilityFlags = [${compat.flags.map((f) => JSON.stringify(f)).join(", ")}],
);
`);
  let output = "";
  const child = spawn(workerdBin, ["serve", "--import-path", dir, config], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (d) => { output += d; });
  child.stderr.on("data", (d) => { output += d; });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let waited = 0; ; waited += 20) {
      if (child.exitCode !== null) throw new Error(`workerd exited (${child.exitCode})`);
      try {
        await fetch(url, { method: "HEAD" });
        break;
      } catch {
        if (waited > 20_000) throw new Error("workerd did not listen within 20 s");
        await sleep(20);
      }
    }
    return await use(url);
  } catch (e) {
    throw new Error(`${e.message}\nworkerd said:\n${output}`);
  } finally {
    child.kill("SIGKILL");
    fs.rmSync(configDir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------ the steps

/**
 * The @JSBody functions the module asks for while it instantiates, as [names..., body] lists. Each round serves the
 * glue with the ones known so far as real functions and a recorder for the rest, until a round finds none new.
 */
async function recordBodies(tools, compat, runtimeText, glueText, dir, wasm, glue) {
  const recorded = [];
  for (let round = 1; round <= 10; round++) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "flowconf-wasm-bodies-"));
    try {
      fs.copyFileSync(path.join(dir, wasm), path.join(work, wasm));
      writeRuntime(work, runtimeText);
      fs.writeFileSync(path.join(work, "known-bodies.mjs"), bodiesModule(recorded));
      fs.writeFileSync(path.join(work, "bodies.mjs"), [
        'import { JS_BODIES as KNOWN } from "./known-bodies.mjs";',
        "export const ASKED = [];",
        "export const JS_BODIES = { get(key) { ASKED.push(key); return KNOWN.get(key) ?? function () {",
        '  throw new Error("recording @JSBody functions only"); }; } };',
      ].join("\n"));
      fs.writeFileSync(path.join(work, glue), glueText);
      // The glue is imported on request, so that a failure to instantiate still leaves the asked-for list to read.
      fs.writeFileSync(path.join(work, "entry.mjs"), [
        'import { ASKED } from "./bodies.mjs";',
        "export default { async fetch() {",
        "  let error = null;",
        `  try { await import("./${glue}"); } catch (e) { error = String(e && e.stack || e); }`,
        "  return Response.json({ asked: ASKED, error });",
        "} };",
      ].join("\n"));
      const { asked, error } = await withWorkerd(tools.workerd, work, compat, async (url) => (await fetch(url)).json());
      const known = new Set(recorded.map((b) => JSON.stringify(b)));
      const fresh = [...new Set(asked)].filter((key) => !known.has(key));
      if (fresh.length === 0) {
        if (error) throw new Error(`the module does not instantiate with its recorded @JSBody functions: ${error}`);
        return recorded;
      }
      recorded.push(...fresh.map((key) => JSON.parse(key)));
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  throw new Error("@JSBody functions still appearing after 10 rounds");
}

/** The modules the glue imports beside the Wasm module: TeaVM's rewritten runtime and the string bridge. */
function writeRuntime(work, runtimeText) {
  fs.writeFileSync(path.join(work, "teavm-runtime.mjs"), runtimeText);
  fs.copyFileSync(path.join(path.dirname(SELF), "wasm-strings.mjs"), path.join(work, "wasm-strings.mjs"));
}

function run(command, args) {
  const child = spawnSync(command, args, { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`${path.basename(command)} failed (${child.status}):\n${child.stdout}${child.stderr}`);
  return child.stdout;
}

/** The module's text, as binaryen's wasm-dis writes it (about 5 MB for the Worker's). */
function disassembled(tools, wasmPath) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "flowconf-wasm-dis-"));
  try {
    const out = path.join(work, "module.wat");
    run(tools.wasmDis, ["--all-features", wasmPath, "-o", out]);
    return fs.readFileSync(out, "utf8");
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function answers(tools, compat, dir) {
  return withWorkerd(tools.workerd, dir, compat, async (url) => {
    const all = [];
    for (const { method, path: target, body, headers: more } of CHECKS) {
      const headers = { ...(body === undefined ? {} : { "content-type": "application/json" }), ...more };
      const response = await fetch(url + target, { method, headers, body });
      all.push({ request: `${method} ${target.slice(0, 40)}`, status: response.status,
        type: response.headers.get("content-type"), body: normalized(await response.text()) });
    }
    return all;
  });
}

/** The tools in NODE_MODULES (host-workers/node_modules) this step runs; fails with what to do when one is missing. */
export function toolsIn(nodeModules) {
  const tools = {
    esbuild: path.join(nodeModules, ".bin", "esbuild"),
    wasmOpt: path.join(nodeModules, ".bin", "wasm-opt"),
    wasmDis: path.join(nodeModules, ".bin", "wasm-dis"),
    workerd: path.join(nodeModules, ".bin", "workerd"),
  };
  for (const [name, file] of Object.entries(tools)) {
    if (!fs.existsSync(file)) throw new Error(`${name} not found at ${file}: run ci/setup (npm ci in host-workers)`);
  }
  return tools;
}

/**
 * Steps 1 to 4 for any TeaVM Wasm GC module in DIR: DIR/`wasm` gets optimized (when `optimize`), DIR/`glue` becomes
 * the bundled glue exporting what the module exports from Java. Returns the size TeaVM wrote, the module's bytes as
 * they now are (optimized or not), the @JSBody functions recorded and the export names.
 */
export async function loadableInWorkers({ dir, wasm = WASM, glue = GLUE, runtimeFile, tools, compat, optimize = true }) {
  const wasmPath = path.join(dir, wasm);
  const built = fs.statSync(wasmPath).size;
  if (optimize) {
    // TeaVM's string pool initializer stays out of the start function (wasm-start.mjs says why)
    const keep = loopingStartCallees(disassembled(tools, wasmPath));
    run(tools.wasmOpt, [...WASM_FEATURES, ...keep.map((name) => `--no-inline=${name}`), "-Oz", wasmPath, "-o", wasmPath]);
    checkStartWithoutLoop(disassembled(tools, wasmPath));
  }
  const bytes = fs.readFileSync(wasmPath);
  const exportNames = javaExports(bytes);
  const glueText = glueModule(esModuleImports(bytes), exportNames, wasm);
  const runtimeText = rewriteRuntime(fs.readFileSync(runtimeFile, "utf8"), "./bodies.mjs");
  const bodies = await recordBodies(tools, compat, runtimeText, glueText, dir, wasm, glue);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "flowconf-wasm-glue-"));
  try {
    fs.writeFileSync(path.join(work, "glue.mjs"), glueText);
    writeRuntime(work, runtimeText);
    fs.writeFileSync(path.join(work, "bodies.mjs"), bodiesModule(bodies));
    run(tools.esbuild, [path.join(work, "glue.mjs"), "--bundle", "--format=esm", "--minify", "--target=es2022",
      `--external:./${wasm}`, "--external:cloudflare:*", "--external:node:*", `--outfile=${path.join(dir, glue)}`,
      "--log-level=warning"]);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return { built, bytes, bodies, exportNames };
}

async function main(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, "")] = argv[i + 1];
  for (const required of ["module-dir", "teavm-runtime", "tools", "wrangler-toml"]) {
    if (!args[required]) throw new Error(`usage: wasm-worker.mjs --module-dir DIR --teavm-runtime FILE --tools NODE_MODULES `
      + "--wrangler-toml FILE [--compare-with DIR]");
  }
  const dir = args["module-dir"];
  const tools = toolsIn(args.tools);
  const compat = compatibility(args["wrangler-toml"]);
  const { built, bytes, bodies, exportNames } = await loadableInWorkers({ dir, runtimeFile: args["teavm-runtime"],
    tools, compat });
  checkStringBridge(bytes);

  let compared = "";
  if (args["compare-with"]) {
    const jsExports = jsExportNames(fs.readFileSync(path.join(args["compare-with"], GLUE), "utf8"));
    if ([...exportNames].sort().join() !== [...jsExports].sort().join()) {
      throw new Error(`the Wasm build exports ${exportNames.join(", ")}, the JavaScript build ${jsExports.join(", ")}`);
    }
    const [wasm, js] = [await answers(tools, compat, dir), await answers(tools, compat, args["compare-with"])];
    if (JSON.stringify(wasm) !== JSON.stringify(js)) {
      throw new Error(`the Wasm build answers differently from the JavaScript build:\n${JSON.stringify(wasm, null, 1)}\n`
        + `against\n${JSON.stringify(js, null, 1)}`);
    }
    compared = `; exports and answers as the JavaScript build's: ${wasm.map((a) => `${a.request} ${a.status}`).join(", ")}`;
  }
  console.log(`wasm worker: ${WASM} ${(built / 1024).toFixed(1)} → ${(bytes.length / 1024).toFixed(1)} kB (wasm-opt -Oz), `
    + `${bodies.length} @JSBody functions recorded, strings through the bridge, ${GLUE} ${(fs.statSync(path.join(dir, GLUE)).size / 1024).toFixed(1)} kB`
    + compared);
}

// Run as a script (not when a test imports its functions).
if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`wasm worker: ${e.message}`);
    process.exit(1);
  });
}
