// node --test: keepShapes's rewrite (keep-shapes.mjs), on small texts shaped like TeaVM's output, minified and not.
// Each rewritten text is run: it must compute what the original does, and its ring must hold the newest objects made.
import assert from "node:assert/strict";
import { test } from "node:test";
import vm from "node:vm";
import { isKept, keepShapes, RING, RING_SIZE, SIGNATURE } from "./keep-shapes.mjs";

const MINIFIED = "function H(){this.iB=null;this.$id$=0;}function P(){let a=this;H.call(a);a.v=null;}"
  + "let mk=v=>{let o=new P();o.v=v;return o;};";
/** A program that never synchronizes: TeaVM leaves the monitor field out of java.lang.Object. */
const NO_MONITOR = "function H(){this.$id$=0;}function P(){let a=this;H.call(a);a.v=null;}"
  + "let mk=v=>{let o=new P();o.v=v;return o;};";
const UNMINIFIED = "function jl_Object() {\n    this.$monitor = null;\n    this.$id$ = 0;\n}\n"
  + "function dfkj_JsonString() {\n    let a = this; jl_Object.call(a);\n    a.$value = null;\n}\n"
  + "let mk = v => {\n    let o = new dfkj_JsonString();\n    o.$value = v;\n    return o;\n};\n";

/** Runs a script (strict, as a module is) that made `count` objects through mk; returns `read` evaluated after. */
function run(text, count, read) {
  const context = { out: null };
  vm.runInNewContext(`"use strict";${text}let made=[];for(let i=0;i<${count};i++)made.push(mk(i));`
    + `out=JSON.stringify(${read});`, context);
  return JSON.parse(context.out);
}

for (const [form, text] of [["minified", MINIFIED], ["unminified", UNMINIFIED], ["no monitor", NO_MONITOR]]) {
  test(`the ring keeps the newest ${RING_SIZE} objects made (${form})`, () => {
    const kept = keepShapes(text);
    const values = run(kept, RING_SIZE + 44, `${RING}.map((o)=>o===null?null:(o.v??o.$value))`);
    assert.equal(values.length, RING_SIZE);
    const sorted = [...values].sort((a, b) => a - b);
    assert.deepEqual(sorted, Array.from({ length: RING_SIZE }, (_, i) => 44 + i));
  });

  test(`objects are made as before (${form})`, () => {
    const read = "made.map((o)=>[o.constructor.name,o.v??o.$value,o.$id$])";
    assert.deepEqual(run(keepShapes(text), 5, read), run(text, 5, read));
  });
}

test("before the ring is full, its other slots are empty", () => {
  const values = run(keepShapes(MINIFIED), 3, `${RING}.filter((o)=>o!==null).map((o)=>o.v)`);
  assert.deepEqual(values.sort(), [0, 1, 2]);
});

test("the ring is declared after TeaVM's \"use strict\", which is a directive only in first place", () => {
  const kept = keepShapes(`"use strict";\n${MINIFIED}`);
  assert.ok(kept.startsWith(`"use strict";\nconst ${RING}=new Array(${RING_SIZE}).fill(null);`), kept.slice(0, 80));
  assert.equal(run(kept, 1, "made[0].v"), 0);
});

test("a module without TeaVM's java.lang.Object constructor fails the step", () => {
  assert.throws(() => keepShapes("function H(){this.iB=null;}"), /java\.lang\.Object constructor.*found it 0 times/);
  assert.throws(() => keepShapes("function H(){this.iB=null;this.x=null;this.$id$=0;}"), /found it 0 times/);
});

test("a module with two such constructors fails the step", () => {
  assert.throws(() => keepShapes(MINIFIED + MINIFIED.replace("function H", "function K")), /found it 2 times/);
});

test("a module already rewritten is known as such, also after the compile hints added their mark", () => {
  const kept = keepShapes(MINIFIED) + SIGNATURE;
  assert.ok(isKept(kept));
  assert.ok(isKept(`${kept}\n// flowconf: compile hints marked (host-workers/src/build/js/compile-hints.mjs)\n`));
  assert.ok(!isKept(MINIFIED));
  // Rewriting it again would not find the constructor it changed: the step must not try.
  assert.throws(() => keepShapes(kept), /found it 0 times/);
});
