// TeaVM's Wasm GC runtime (wasm-gc-module-runtime.js in the teavm-core jar), rewritten so that a Worker can run it:
// what wasm-worker.mjs bundles beside flowconf-host.wasm.
//
// Why: the runtime makes part of its glue from strings with `new Function` (a global's lookup, the call helpers for
// each arity, each @JSBody's function, the wrappers of exported functions and methods), and a Worker may not compile
// code from strings (workerd: "Code generation from strings disallowed for this context"). Each such site is replaced
// here by a closure that does the same. The one that cannot be a closure, an @JSBody's function, is looked up in a
// table of ordinary functions (`JS_BODIES`, by its parameter names and body) that wasm-worker.mjs writes after it has
// recorded them in workerd. Each rewrite finds its site by an exact header and fails when TeaVM's text has changed;
// none may leave a `new Function` behind.

/** A rewrite: the function (or block) that starts at `header`, through its matching brace, becomes `replacement`. */
const REWRITES = [
  {
    header: "function getGlobalName(name) {",
    // A getter per name, made once and kept in TeaVM's own cache, as TeaVM's text does: the lookup runs on every
    // construction of a JavaScript class from Java (\`Int8Array\`, \`Response\`), several times a request.
    replacement: `function getGlobalName(name) {
  let getter = globalsCache.get(name);
  if (getter === undefined) {
    const path = globalPath(name);
    const [first] = path;
    getter = path.length === 1 ? () => globalThis[first] : () => path.reduce((object, key) => object[key], globalThis);
    globalsCache.set(name, getter);
  }
  return getter();
}
function globalPath(name) {
  // The runtime only names globals by a dotted path of identifiers (\`Date\`, \`console.log\`).
  if (!/^[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*$/.test(name)) throw new Error("not a global's path: " + name);
  return name.split(".");
}`,
  },
  {
    header: "function setGlobalName(name, value) {",
    replacement: `function setGlobalName(name, value) {
  const path = globalPath(name);
  path.slice(0, -1).reduce((object, key) => object[key], globalThis)[path[path.length - 1]] = value;
}`,
  },
  {
    header: "function defineFunction(fn, vararg) {",
    replacement: `function defineFunction(fn, vararg) {
    const arity = fn.length;
    // An exported function of up to three fixed parameters (the Worker's fetch, the spill's calls): no array per call
    if (!vararg && arity <= 3) {
      return function(a, b, c) {
        try {
          return arity === 0 ? fn() : arity === 1 ? fn(a) : arity === 2 ? fn(a, b) : fn(a, b, c);
        } catch (e) {
          rethrowJavaAsJs(e);
        }
      };
    }
    return function(...args) {
      try {
        return fn(...javaArguments(args, arity, vararg));
      } catch (e) {
        rethrowJavaAsJs(e);
      }
    };
  }
  /** What a function of \`arity\` parameters (the last a rest parameter when vararg) passes on. */
  function javaArguments(args, arity, vararg) {
    if (!vararg) {
      args.length = arity;
      return args;
    }
    const fixed = args.slice(0, arity - 1);
    fixed.length = arity - 1;
    fixed.push(args.slice(arity - 1));
    return fixed;
  }`,
  },
  {
    header: "function renameConstructor(name, c) {",
    replacement: `function renameConstructor(name, c) {
    const renamed = function(marker, javaObject) {
      return c.call(this, marker, javaObject);
    };
    Object.defineProperty(renamed, "name", { value: name });
    return renamed;
  }`,
  },
  {
    header: "defineMethod(cls, name, fn, vararg) {",
    replacement: `defineMethod(cls, name, fn, vararg) {
      const arity = fn.length - 1;
      if (!vararg && arity <= 3) { // as defineFunction: the methods JS calls on a request's way (a functor's) take no array
        cls.prototype[name] = function(a, b, c) {
          try {
            return arity === 0 ? fn(this) : arity === 1 ? fn(this, a) : arity === 2 ? fn(this, a, b) : fn(this, a, b, c);
          } catch (e) {
            rethrowJavaAsJs(e);
          }
        };
        return;
      }
      cls.prototype[name] = function(...args) {
        try {
          return fn(this, ...javaArguments(args, arity, vararg));
        } catch (e) {
          rethrowJavaAsJs(e);
        }
      };
    }`,
  },
  {
    // The helpers for each arity up to 32: the whole loop that makes them, and the list it grows.
    header: "const argumentList = [];\n  for (let i = 0; i < 32; ++i) {",
    // TeaVM's helpers name their parameters for each arity (from strings); a rest parameter and a spread call in their
    // place cost an array per call, and these run for every @JSBody, method and constructor called from Java. So the
    // arities a request uses are written out, and only larger ones take the rest parameter.
    replacement: `const CALLS = [
    (fn) => { try { return fn(); } catch (e) { rethrowJsAsJava(e); } },
    (fn, a) => { try { return fn(a); } catch (e) { rethrowJsAsJava(e); } },
    (fn, a, b) => { try { return fn(a, b); } catch (e) { rethrowJsAsJava(e); } },
    (fn, a, b, c) => { try { return fn(a, b, c); } catch (e) { rethrowJsAsJava(e); } },
    (fn, a, b, c, d) => { try { return fn(a, b, c, d); } catch (e) { rethrowJsAsJava(e); } },
  ];
  const METHOD_CALLS = [
    (o, m) => { try { return o !== null ? o[m]() : getGlobalName(m)(); } catch (e) { rethrowJsAsJava(e); } },
    (o, m, a) => { try { return o !== null ? o[m](a) : getGlobalName(m)(a); } catch (e) { rethrowJsAsJava(e); } },
    (o, m, a, b) => { try { return o !== null ? o[m](a, b) : getGlobalName(m)(a, b); } catch (e) { rethrowJsAsJava(e); } },
    (o, m, a, b, c) => { try { return o !== null ? o[m](a, b, c) : getGlobalName(m)(a, b, c); } catch (e) { rethrowJsAsJava(e); } },
  ];
  const CONSTRUCTS = [
    (C) => { try { return new C(); } catch (e) { rethrowJsAsJava(e); } },
    (C, a) => { try { return new C(a); } catch (e) { rethrowJsAsJava(e); } },
    (C, a, b) => { try { return new C(a, b); } catch (e) { rethrowJsAsJava(e); } },
    (C, a, b, c) => { try { return new C(a, b, c); } catch (e) { rethrowJsAsJava(e); } },
  ];
  for (let i = 0; i < 32; ++i) {
    imports.teavmJso["createFunction" + i] = (...namesAndBody) => {
      const body = JS_BODIES.get(JSON.stringify(namesAndBody));
      if (body === undefined) throw new Error("@JSBody not recorded at build time: " + JSON.stringify(namesAndBody));
      return body.bind(null, wrapCallFromJavaToJs);
    };
    imports.teavmJso["bindFunction" + i] = (f, ...bindArgs) => f.bind(null, ...bindArgs);
    imports.teavmJso["callFunction" + i] = CALLS[i] ?? ((fn, ...args) => {
      try {
        return fn(...args);
      } catch (e) {
        rethrowJsAsJava(e);
      }
    });
    imports.teavmJso["callMethod" + i] = METHOD_CALLS[i] ?? ((instance, method, ...args) => {
      try {
        return instance !== null ? instance[method](...args) : getGlobalName(method)(...args);
      } catch (e) {
        rethrowJsAsJava(e);
      }
    });
    imports.teavmJso["construct" + i] = CONSTRUCTS[i] ?? ((constructor, ...args) => {
      try {
        return new constructor(...args);
      } catch (e) {
        rethrowJsAsJava(e);
      }
    });
    imports.teavmJso["arrayOf" + i] = (...items) => items;
  }`,
  },
];

/**
 * Rewrites of one exact text each (no braces to match). TeaVM's clock makes a Date object per reading; the kernel reads
 * it twice a request on a route with a deadline.
 */
const EXACT_REWRITES = [
  {
    text: "currentTimeMillis: () => (/* @__PURE__ */ new Date()).getTime(),",
    replacement: "currentTimeMillis: () => Date.now(),",
  },
];

/** The index just past the brace that closes the one opened at or after `from` (braces in strings balance here). */
function matchingBrace(text, from) {
  const open = text.indexOf("{", from);
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i + 1;
  }
  throw new Error(`no closing brace after offset ${from}`);
}

/**
 * TeaVM's runtime text → the Worker's: every rewrite applied once, `JS_BODIES` imported from `bodiesModule`, and the
 * exports the glue needs (defaults, linkImports) kept. Throws when a header is missing or found twice, or when any
 * `new Function` is left.
 */
export function rewriteRuntime(runtime, bodiesModule) {
  let text = runtime;
  for (const { header, replacement } of REWRITES) {
    const at = text.indexOf(header);
    if (at < 0) throw new Error(`TeaVM's Wasm GC runtime has changed: "${header.split("\n").pop()}" not found`);
    if (text.indexOf(header, at + 1) >= 0) throw new Error(`TeaVM's Wasm GC runtime has changed: "${header}" found twice`);
    const end = matchingBrace(text, at + header.length - 1);
    text = text.slice(0, at) + replacement + text.slice(end);
  }
  for (const { text: exact, replacement } of EXACT_REWRITES) {
    const at = text.indexOf(exact);
    if (at < 0 || text.indexOf(exact, at + 1) >= 0) {
      throw new Error(`TeaVM's Wasm GC runtime has changed: "${exact}" not found exactly once`);
    }
    text = text.slice(0, at) + replacement + text.slice(at + exact.length);
  }
  const left = text.match(/new Function\b/g);
  if (left) throw new Error(`TeaVM's Wasm GC runtime still makes code from strings at ${left.length} site(s) after the rewrites`);
  if (!/export\s*{[^}]*\bdefaults\b/.test(text)) throw new Error("TeaVM's Wasm GC runtime no longer exports `defaults`");
  return `import { JS_BODIES } from ${JSON.stringify(bodiesModule)};\n${text}\nexport { linkImports };\n`;
}

/** The JS_BODIES module: each recorded @JSBody, [parameter names..., body], as an ordinary function. */
export function bodiesModule(recorded) {
  const entries = recorded.map((namesAndBody) => {
    const names = namesAndBody.slice(0, -1);
    const body = namesAndBody[namesAndBody.length - 1];
    for (const name of names) {
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`not a parameter name in an @JSBody: ${name}`);
    }
    return `  [${JSON.stringify(JSON.stringify(namesAndBody))}, function (${["wrapCallFromJavaToJs", ...names].join(", ")}) {\n`
      + `${body}\n  }],\n`;
  });
  return "// Written by host-workers/src/build/js/wasm-worker.mjs: each @JSBody of flowconf-host.wasm, as workerd saw the\n"
    + "// module ask for it while it instantiated, as a function (a Worker may not make one from a string).\n"
    + `export const JS_BODIES = new Map([\n${entries.join("")}]);\n`;
}
