// wasm-worker.mjs's and wasm-runtime.mjs's pure parts, on small texts (node --test).
import assert from "node:assert/strict";
import test from "node:test";
import { bodiesModule, rewriteRuntime } from "./wasm-runtime.mjs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkStartWithoutLoop, loopingStartCallees, startFunction } from "./wasm-start.mjs";
import { checkStringBridge, customSection, esModuleImports, functionImports, glueModule, javaExports, jsExportNames,
  moduleEmbeds } from "./wasm-worker.mjs";

/** A runtime with each site the rewrites look for, in TeaVM's shape, and the code-from-string each one holds. */
const RUNTIME = `var globalsCache = new Map();
function getGlobalName(name) {
  return new Function("return " + name + ";")();
}
function setGlobalName(name, value) {
  new Function("value", name + " = value;")(value);
}
function defaults(imports) {
  dateImports(imports);
  jsoImports(imports);
}
function dateImports(imports) {
  imports.teavmDate = {
    currentTimeMillis: () => (/* @__PURE__ */ new Date()).getTime(),
  };
}
function jsoImports(imports) {
  function rethrowJavaAsJs(e) { throw e; }
  function rethrowJsAsJava(e) { throw new Error("as Java: " + e.message); }
  function defineFunction(fn, vararg) {
    return new Function("fn", \`return function(\${"a"}) { return fn(a); };\`)(fn);
  }
  function renameConstructor(name, c) {
    return new Function("constructor", \`return function \${name}() {}\`)(c);
  }
  imports.teavmJso = {
    defineMethod(cls, name, fn, vararg) {
      cls.prototype[name] = new Function("fn", "return fn;")(fn);
    },
    defineFunction,
    renameConstructor,
    getGlobalName,
    setGlobalName,
  };
  function wrapCallFromJavaToJs(call) { return call(); }
  const argumentList = [];
  for (let i = 0; i < 32; ++i) {
    imports.teavmJso["createFunction" + i] = new Function("body", "return new Function(body);");
    argumentList.push("p" + (i + 1));
  }
}
function linkImports() {}
export {
  defaults
};
`;

/** The rewritten runtime as a module object, with JS_BODIES given (data: URLs resolve no relative import). */
async function load(text, bodies) {
  const source = text.replace(/^import { JS_BODIES } from "[^"]*";\n/, "")
    + `\nconst JS_BODIES = ${bodies};\nexport { JS_BODIES };\n`;
  return import(`data:text/javascript,${encodeURIComponent(source)}`);
}

test("every code-from-string site is rewritten; the result is a module exporting defaults and linkImports", async () => {
  const text = rewriteRuntime(RUNTIME, "./bodies.mjs");
  assert.doesNotMatch(text, /new Function/);
  assert.match(text, /^import { JS_BODIES } from "\.\/bodies\.mjs";/);
  const runtime = await load(text, "new Map()");
  assert.equal(typeof runtime.defaults, "function");
  assert.equal(typeof runtime.linkImports, "function");
});

test("the rewritten helpers do what TeaVM's made from strings did", async () => {
  const body = function (wrap, a, b) { return wrap(() => a + b); };
  const runtime = await load(rewriteRuntime(RUNTIME, "./bodies.mjs"),
    `new Map([[JSON.stringify(["a", "b", "return a + b;"]), ${body}]])`);
  const imports = {};
  runtime.defaults(imports);
  const jso = imports.teavmJso;
  assert.equal(jso.getGlobalName("Math.max")(1, 7), 7);
  jso.setGlobalName("flowconfWasmWorkerTest", 5);
  assert.equal(globalThis.flowconfWasmWorkerTest, 5);
  assert.throws(() => jso.getGlobalName("a; b"), /not a global's path/);
  assert.equal(jso.createFunction2("a", "b", "return a + b;")(2, 3), 5);
  assert.throws(() => jso.createFunction1("x", "return x;"), /not recorded at build time/);
  assert.equal(jso.callFunction2((a, b) => a * b, 3, 4), 12);
  assert.equal(jso.callMethod1([1, 2], "indexOf", 2), 1);
  assert.deepEqual(jso.arrayOf3(1, 2, 3), [1, 2, 3]);
  assert.equal(jso.construct1(Date, 0).getTime(), 0);
  const clock = imports.teavmDate.currentTimeMillis();
  assert.ok(Number.isInteger(clock) && Math.abs(clock - Date.now()) < 1000);
  // Each arity, written out or not, passes exactly its arguments and hands a JS error to TeaVM as Java's.
  const args = [1, 2, 3, 4, 5, 6];
  for (let arity = 0; arity <= 6; arity++) {
    const given = args.slice(0, arity);
    assert.deepEqual(jso["callFunction" + arity]((...a) => a, ...given), given);
    assert.deepEqual(jso["callMethod" + arity]({ m(...a) { return [this.tag, a]; }, tag: "o" }, "m", ...given), ["o", given]);
    assert.deepEqual(jso["construct" + arity](Array, ...(arity === 1 ? ["x"] : given)), arity === 1 ? ["x"] : given);
    assert.throws(() => jso["callFunction" + arity](() => { throw new Error("js"); }, ...given), /as Java: js/);
    assert.throws(() => jso["callMethod" + arity]({ m() { throw new Error("js"); } }, "m", ...given), /as Java: js/);
  }
  assert.equal(jso.callMethod2(null, "Math.max", 4, 9), 9);
  // A global's getter is made once and read on every call: a global that changes is seen changed.
  globalThis.flowconfWasmWorkerLive = 1;
  assert.equal(jso.getGlobalName("flowconfWasmWorkerLive"), 1);
  globalThis.flowconfWasmWorkerLive = 2;
  assert.equal(jso.getGlobalName("flowconfWasmWorkerLive"), 2);
  // Exported functions keep their arity; a vararg one gets its rest as an array.
  const two = jso.defineFunction((a, b) => [a, b], false);
  assert.deepEqual(two(1, 2, 3), [1, 2]);
  assert.deepEqual(two(1), [1, undefined]);
  assert.deepEqual(jso.defineFunction(() => "none", false)(1), "none");
  const four = jso.defineFunction((a, b, c, d) => [a, b, c, d], false);
  assert.deepEqual(four(1, 2, 3, 4, 5), [1, 2, 3, 4]);
  assert.throws(() => jso.defineFunction(() => { throw new Error("java"); }, false)(), /java/);
  const rest = jso.defineFunction((a, more) => [a, more], true);
  assert.deepEqual(rest(1, 2, 3), [1, [2, 3]]);
  class Host {}
  jso.defineMethod(Host, "pair", function (self, x) { return [self instanceof Host, x]; }, false);
  assert.deepEqual(new Host().pair(9), [true, 9]);
  assert.deepEqual(new Host().pair(), [true, undefined]);
  jso.defineMethod(Host, "none", function (self) { return self instanceof Host; }, false);
  assert.equal(new Host().none(1, 2), true);
  jso.defineMethod(Host, "four", function (self, a, b, c, d) { return [a, b, c, d]; }, false);
  assert.deepEqual(new Host().four(1, 2, 3, 4, 5), [1, 2, 3, 4]);
  jso.defineMethod(Host, "rest", function (self, a, more) { return [a, more]; }, true);
  assert.deepEqual(new Host().rest(1, 2, 3), [1, [2, 3]]);
  jso.defineMethod(Host, "fails", function () { throw new Error("java"); }, false);
  assert.throws(() => new Host().fails(), /java/);
  const renamed = jso.renameConstructor("JavaThing", function (marker, javaObject) { this.held = [marker, javaObject]; });
  assert.equal(renamed.name, "JavaThing");
  assert.deepEqual(new renamed(1, 2).held, [1, 2]);
});

test("a runtime TeaVM wrote differently fails the build instead of being half rewritten", () => {
  assert.throws(() => rewriteRuntime(RUNTIME.replace("function getGlobalName(name) {", "function globalNamed(name) {"),
    "./b.mjs"), /runtime has changed: "function getGlobalName\(name\) {" not found/);
  assert.throws(() => rewriteRuntime(RUNTIME.replace("new Date()).getTime()", "Date.now())"), "./b.mjs"),
    /runtime has changed: "currentTimeMillis: .*" not found exactly once/);
  assert.throws(() => rewriteRuntime(RUNTIME + "\nconst extra = new Function('');\n", "./b.mjs"),
    /still makes code from strings at 1 site/);
});

test("recorded @JSBody functions become ordinary functions, looked up by names and body", async () => {
  const text = bodiesModule([["a", "b", "return a - b;"], ["return 7;"]]);
  const { JS_BODIES } = await import(`data:text/javascript,${encodeURIComponent(text)}`);
  assert.equal(JS_BODIES.get(JSON.stringify(["a", "b", "return a - b;"]))(null, 9, 4), 5);
  assert.equal(JS_BODIES.get(JSON.stringify(["return 7;"]))(null), 7);
  assert.throws(() => bodiesModule([["a b", "return 1;"]]), /not a parameter name/);
});

/**
 * A module of custom sections (magic, version, then id 0, size, name, payload each) and, when given, an export
 * section: [name, kind] pairs, each with index 0.
 */
function wasmWith(sections, exports = null) {
  const parts = [Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])];
  for (const [name, payload] of Object.entries(sections)) {
    const body = Buffer.concat([Buffer.from([name.length]), Buffer.from(name), Buffer.from(payload)]);
    parts.push(Buffer.from([0, body.length]), body);
  }
  if (exports) {
    const body = Buffer.concat([Buffer.from([exports.length]),
      ...exports.map(([name, kind]) => Buffer.concat([Buffer.from([name.length]), Buffer.from(name), Buffer.from([kind, 0])]))]);
    parts.push(Buffer.from([7, body.length]), body);
  }
  return Buffer.concat(parts);
}

test("the ES modules a module imports come from TeaVM's teavm.imports section; teavm* are the runtime's", () => {
  const bytes = wasmWith({ other: "x", "teavm.imports": JSON.stringify([
    { module: "cloudflare:workers", name: "__self__" }, { module: "teavmMemory", name: "heapOffset" }]) });
  assert.equal(customSection(bytes, "other"), "x");
  assert.equal(customSection(bytes, "missing"), null);
  assert.deepEqual(esModuleImports(bytes), [{ module: "cloudflare:workers", name: "__self__" }]);
});

test("what the module exports from Java: its export section's globals, less TeaVM's own", () => {
  const bytes = wasmWith({ "teavm.imports": "[]" },
    [["teavm.malloc", 0], ["fetch", 3], ["teavm_stopped", 3], ["memory", 2], ["spillTake", 3]]);
  assert.deepEqual(javaExports(bytes), ["fetch", "spillTake"]);
  assert.deepEqual(javaExports(wasmWith({})), []);
});

test("workerd's module list starts with entry.mjs and embeds .wasm as compiled WebAssembly", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wasm-worker-test-"));
  try {
    for (const name of ["flowconf-host.wasm", "entry.mjs", "flowconf-host.js", "notes.txt", "b.mjs"]) {
      fs.writeFileSync(path.join(dir, name), "");
    }
    assert.deepEqual(moduleEmbeds(dir), [
      '(name = "entry.mjs", esModule = embed "/entry.mjs")',
      '(name = "b.mjs", esModule = embed "/b.mjs")',
      '(name = "flowconf-host.js", esModule = embed "/flowconf-host.js")',
      '(name = "flowconf-host.wasm", wasm = embed "/flowconf-host.wasm")',
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the glue imports each ES module once and exports the names it is given", () => {
  const glue = glueModule([{ module: "cloudflare:workers", name: "__self__" }, { module: "cloudflare:workers", name: "env" }],
    jsExportNames("let a=1;export{D as fetch,E as spillWrite,F as spillTake};\n// flowconf: compile hints marked\n"));
  assert.equal(glue.match(/from "cloudflare:workers"/g).length, 1);
  assert.match(glue, /export const fetch = instance\.exports\.fetch\.value;/);
  assert.match(glue, /export const spillTake = instance\.exports\.spillTake\.value;/);
});

/** A module holding only a type section (one empty function type) and the given import entries. */
function moduleImporting(entries) {
  const name = (text) => [text.length, ...Buffer.from(text)];
  const body = [entries.length, ...entries.flatMap(([module, field, ...desc]) => [...name(module), ...name(field), ...desc])];
  const leb = (n) => (n < 0x80 ? [n] : [0x80 | (n & 0x7f), ...leb(n >> 7)]);
  return Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 2, ...leb(body.length), ...body]);
}

const IMPORTS_OF_EVERY_KIND = [
  ["env", "memory", 2, 1, 1, 0x80, 0x80, 0x02], // a memory with a maximum (a two-byte LEB128)
  ["teavmJso", "global", 3, 0x63, 0x6f, 0], // a global of type (ref null extern)
  ["teavm", "table", 1, 0x64, 0x70, 0, 3], // a table of (ref func)
  ["teavm", "tag", 4, 0, 0],
  ["flowconfStrings", "scratchAddress", 0, 0],
  ["flowconfStrings", "appendChars", 0, 0],
  ["flowconfStrings", "charsIntoScratch", 0, 0],
];

test("functionImports reads function imports past memories, globals, tables and tags of reference types", () => {
  assert.deepEqual(functionImports(moduleImporting(IMPORTS_OF_EVERY_KIND)), [
    { module: "flowconfStrings", name: "scratchAddress" },
    { module: "flowconfStrings", name: "appendChars" },
    { module: "flowconfStrings", name: "charsIntoScratch" },
  ]);
});

test("checkStringBridge fails a module that lacks any of the bridge's imports, either way, naming the plugin", () => {
  const readingJsStrings = [...IMPORTS_OF_EVERY_KIND, ["wasm:js-string", "charCodeAt", 0, 0]];
  assert.doesNotThrow(() => checkStringBridge(moduleImporting(readingJsStrings)));
  for (const missing of ["scratchAddress", "appendChars", "charsIntoScratch"]) {
    const without = readingJsStrings.filter(([, field]) => field !== missing);
    assert.throws(() => checkStringBridge(moduleImporting(without)), new RegExp(`${missing}: .*StringBridgePlugin`));
  }
});

test("checkStringBridge asks for the JavaScript-to-Java half only of a module that reads JavaScript strings", () => {
  const writingOnly = IMPORTS_OF_EVERY_KIND.filter(([, field]) => field !== "charsIntoScratch");
  assert.doesNotThrow(() => checkStringBridge(moduleImporting(writingOnly)));
  const readingUnbridged = [...writingOnly, ["wasm:js-string", "charCodeAt", 0, 0]];
  assert.throws(() => checkStringBridge(moduleImporting(readingUnbridged)), /charsIntoScratch: .*StringBridgePlugin/);
  for (const missing of ["scratchAddress", "appendChars"]) {
    assert.throws(() => checkStringBridge(moduleImporting(writingOnly.filter(([, field]) => field !== missing))),
      new RegExp(`${missing}: .*StringBridgePlugin`));
  }
});

/**
 * A start function, as wasm-dis writes TeaVM's: it calls a looping initializer nothing else calls ($5), a looping
 * function called from elsewhere too ($4, as the string bridge's) and a loop-free one ($3).
 */
const START_WAT = `(module
 (start $9)
 (func $3 (param $0 i32)
  (nop)
 )
 (func $4 (param $0 i32)
  (loop $label
   (br_if $label (i32.const 0))
  )
 )
 (func $5 (param $0 (ref $1))
  (loop $label
   (br_if $label (i32.const 0))
  )
 )
 (func $6
  (call $4
   (i32.const 2)
  )
 )
 (func $9
  (call $3
   (i32.const 1)
  )
  (call $4
   (i32.const 1)
  )
  (call $5
   (array.new_fixed $1 0)
  )
 )
)`;

test("the looping function only the start function calls is what wasm-opt must not inline", () => {
  assert.deepEqual(loopingStartCallees(START_WAT), ["5"]);
  assert.equal(checkStartWithoutLoop(START_WAT).name, "9");
});

test("a start function with a loop of its own, or not exactly one looping callee, fails the build", () => {
  const inlined = START_WAT.replace("  (call $5\n   (array.new_fixed $1 0)\n  )\n", "  (loop $l\n   (br_if $l (i32.const 0))\n  )\n");
  assert.notEqual(inlined, START_WAT);
  assert.throws(() => checkStartWithoutLoop(inlined), /holds a loop: wasm-opt inlined/);
  assert.throws(() => loopingStartCallees(inlined), /holds a loop itself/);
  const none = START_WAT.replace("(call $5", "(call $3");
  assert.throws(() => loopingStartCallees(none), /found 0: none/);
  const two = START_WAT.replace(" (func $3 (param $0 i32)\n  (nop)", " (func $3 (param $0 i32)\n  (loop)");
  assert.throws(() => loopingStartCallees(two), /found 2: \$3, \$5/);
  const shared = START_WAT.replace(" (func $6\n", " (func $6\n  (call $5\n   (array.new_fixed $1 0)\n  )\n");
  assert.throws(() => loopingStartCallees(shared), /found 0: none/);
  assert.throws(() => startFunction(START_WAT.replace(" (start $9)\n", "")), /no start function/);
});
