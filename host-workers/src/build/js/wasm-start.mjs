// Keeps loops out of a TeaVM Wasm GC module's start function, read in wasm-dis's text.
//
// Why: V8 tiers a Wasm function up to TurboFan once its loops have run long enough, whether or not it will ever run
// again. TeaVM's start function runs once: it fills in the class metadata, then calls its string pool initializer,
// a loop that decodes every string constant byte by byte. That initializer has one caller, so wasm-opt -Oz inlines it
// into the start function, and V8 then compiled the whole 17 kB start function with TurboFan in the background of
// every cold start: 42-45 ms of CPU and 17.8 MB at its peak (--trace-wasm-compilation-times), for code already done.
// Kept out of line, only the small loop is tiered up (2-4 ms). wasm-worker.mjs passes that one callee to wasm-opt as
// --no-inline and fails the build if the optimized start function still holds a loop.

/** Each function of the text by its name (without `$`), as its lines. */
function functions(wat) {
  const byName = new Map();
  let name = null;
  let lines = null;
  for (const line of wat.split("\n")) {
    const head = /^ \(func \$(\S+)/.exec(line);
    if (head) {
      name = head[1];
      lines = [line];
      byName.set(name, lines);
    } else if (name !== null) {
      lines.push(line);
      if (line === " )") name = null;
    }
  }
  return byName;
}

const hasLoop = (lines) => lines.some((line) => /\(loop\b/.test(line));

/** The start function's name and lines, out of `all` (the text's functions); throws when the module has none. */
function startIn(wat, all) {
  const start = /^ \(start \$(\S+)\)$/m.exec(wat);
  if (!start) throw new Error("the module has no start function: TeaVM's initializer is expected there");
  const lines = all.get(start[1]);
  if (!lines) throw new Error(`the start function $${start[1]} is not defined in the module's text`);
  return { name: start[1], lines };
}

/** The start function's name and lines; throws when the module has none. */
export function startFunction(wat) {
  return startIn(wat, functions(wat));
}

/**
 * The function wasm-opt must not inline into the start function: the one the start function calls, and nothing else
 * refers to, that holds a loop (TeaVM's string pool initializer; wasm-opt inlines a function with one caller whatever
 * its size). Looping functions called from elsewhere too (the string bridge's) are not inlined anyway. Anything but
 * exactly one fails, so that a TeaVM that changes its initializer is looked at instead of half handled (wasm-opt takes
 * one --no-inline pattern).
 */
export function loopingStartCallees(wat) {
  const all = functions(wat);
  const start = startIn(wat, all);
  if (hasLoop(start.lines)) {
    throw new Error(`TeaVM's start function $${start.name} holds a loop itself; V8 would compile it with TurboFan on `
      + "every cold start (wasm-start.mjs)");
  }
  const references = new Map();
  for (const m of wat.matchAll(/\((?:call|return_call|ref\.func) \$([^\s)]+)/g)) {
    references.set(m[1], (references.get(m[1]) ?? 0) + 1);
  }
  const callees = new Set();
  for (const line of start.lines) for (const m of line.matchAll(/\(call \$([^\s)]+)/g)) callees.add(m[1]);
  const looping = [...callees].filter((name) => references.get(name) === 1 && all.has(name) && hasLoop(all.get(name)));
  if (looping.length !== 1) {
    throw new Error("expected one function with a loop that only the start function calls (TeaVM's string pool "
      + `initializer), found ${looping.length}: ${looping.map((n) => "$" + n).join(", ") || "none"} (wasm-start.mjs)`);
  }
  return looping;
}

/** Throws unless the (optimized) module's start function is free of loops. */
export function checkStartWithoutLoop(wat) {
  const start = startFunction(wat);
  if (hasLoop(start.lines)) {
    throw new Error(`the optimized start function $${start.name} holds a loop: wasm-opt inlined TeaVM's string pool `
      + "initializer after all, and V8 would compile the whole start function with TurboFan on every cold start");
  }
  return start;
}
