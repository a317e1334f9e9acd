// Build step (host-workers' pom, right after TeaVM, before the compile hints): keeps the hidden classes of the Worker's
// Java objects alive from one of the isolate's full garbage collections to the next.
//
//   node keep-shapes.mjs --module-dir DIR
//
// Why (issue 13, CPU per request): V8 gives every object a hidden class, a "map". A Java object's constructor adds its
// fields one by one, walking it along a chain of maps that V8 holds only weakly, and optimized code that checks one of
// those maps holds it weakly too. A Worker's requests make Java objects that die with the request, so when a full
// collection (a mark-compact: every few seconds under load in workerd) falls between two requests, no object of those
// classes is alive. V8 then frees their maps and throws away every optimized function that checked one; workerd's
// `--trace-deopt` calls it "embedded weak objects cleared", 30 to 54 of the host's hottest functions at every such
// collection. They run in a lower tier until TurboFan compiles them again, which it does on the request thread's CPU.
// Keeping the last 256 Java objects made alive (an S1 request makes 69) keeps an object of every class a request makes,
// so their maps survive.
//
// How: TeaVM's java.lang.Object constructor, which every Java object's constructor calls first, also puts the new
// object in a ring of 256 slots declared at the top of the module. That is one array store per object; the ring holds
// at most 256 objects, whatever their size (a request body's byte[] among them). No other code changes. A build of
// TeaVM that writes that constructor differently fails this step rather than going without.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SELF = fileURLToPath(import.meta.url);
/** Marks a module this step rewrote, so a second run over the same file leaves it alone. */
export const SIGNATURE = "\n// flowconf: object shapes kept (host-workers/src/build/js/keep-shapes.mjs)\n";
export const RING = "$flowconfShapes";
const AT = "$flowconfShapesAt";
export const RING_SIZE = 256;

/** TeaVM's directive opening the module. */
const DIRECTIVE = /^\s*"use strict";\n?/;
/**
 * TeaVM 0.16's java.lang.Object constructor, minified (`function H(){this.iB=null;this.$id$=0;}`) or not: its fields,
 * the monitor (left out of a program that never synchronizes) and the identity hash `$id$`, and nothing else.
 */
const OBJECT_CONSTRUCTOR =
  /function\s+[A-Za-z_$][\w$]*\s*\(\)\s*\{\s*(?:this\.[\w$]+\s*=\s*null;\s*)?this\.\$id\$\s*=\s*0;\s*\}/g;

/** The module's text with the ring declared first and filled by java.lang.Object's constructor. */
export function keepShapes(text) {
  const found = [...text.matchAll(OBJECT_CONSTRUCTOR)];
  if (found.length !== 1) {
    throw new Error(`expected TeaVM's java.lang.Object constructor ([this.<monitor>=null;]this.$id$=0;) once, found it `
      + `${found.length} times: a TeaVM that writes it differently needs this step (keep-shapes.mjs) changed`);
  }
  const m = found[0];
  const close = m.index + m[0].length - 1; // its closing brace
  // Declared ahead of everything else (after TeaVM's "use strict", a directive only in first place), so no object made
  // while the module loads meets the ring uninitialised.
  const ring = `const ${RING}=new Array(${RING_SIZE}).fill(null);let ${AT}=0;\n`;
  const start = DIRECTIVE.exec(text)?.[0].length ?? 0;
  return text.slice(0, start) + ring + text.slice(start, close) + `${RING}[${AT}=${AT}+1&${RING_SIZE - 1}]=this;`
    + text.slice(close);
}

/** Whether this step rewrote the text already; the compile hints append their own mark after this one's. */
export function isKept(text) {
  return text.includes(SIGNATURE);
}

function main(argv) {
  if (argv.length !== 2 || argv[0] !== "--module-dir") throw new Error("usage: keep-shapes.mjs --module-dir DIR");
  const modulePath = path.join(argv[1], "flowconf-host.js");
  const original = fs.readFileSync(modulePath, "utf8");
  if (isKept(original)) {
    console.log("keep shapes: already kept (TeaVM left the module as it was)");
    return;
  }
  fs.writeFileSync(modulePath, keepShapes(original) + SIGNATURE);
  console.log(`keep shapes: java.lang.Object's constructor keeps the last ${RING_SIZE} Java objects made`);
}

// Run as a script (not when a test imports keepShapes).
if (process.argv[1] && path.resolve(process.argv[1]) === SELF) main(process.argv.slice(2));
