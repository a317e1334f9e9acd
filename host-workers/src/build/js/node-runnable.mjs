// A copy of a built Worker module directory that node can import: an ES module package whose `cloudflare:workers`
// imports point at a small stub, and whose text modules (a file imported whole as a string, as wrangler's Text rule
// and workerd's text modules do: the example's bundle) are small ES modules exporting that string. Used by the build's
// compile hints (compile-hints.mjs) and by ci/budget.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const PLATFORM = '"cloudflare:workers"';
// As long as PLATFORM, so every position in the copy of the TeaVM module is the same as in the original.
const STUB_FILE = "workers-stub.mjs";
const STUB = `"./${STUB_FILE}"`;

const STUB_EXPORTS = {
  waitUntil: "export function waitUntil(promise) { Promise.resolve(promise).catch(() => {}); }",
  env: "export const env = {};",
  DurableObject: "export class DurableObject { constructor(ctx, env) { this.ctx = ctx; this.env = env; } }",
};

/**
 * Copies sourceDir's entry.mjs, flowconf-host.js and other .mjs files into a new temp dir (prefix names it), with
 * `cloudflare:workers` pointed at the stub and each text module they import made an ES module. Throws when the module
 * needs something of `cloudflare:workers` the stub lacks. Returns {dir, moduleText} (the copied flowconf-host.js).
 */
export function nodeRunnableCopy(sourceDir, prefix) {
  if (STUB.length !== PLATFORM.length) throw new Error("the stub's specifier must be as long as cloudflare:workers'");
  for (const f of ["entry.mjs", "flowconf-host.js"]) {
    if (!fs.existsSync(path.join(sourceDir, f))) throw new Error(`${sourceDir} has no ${f}: build the module first`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  /** Writes the node-runnable form of a module's text into dir and returns it. */
  const copy = (name, text) => {
    const runnable = textModulesAsEs(sourceDir, dir, text.replace(/(from\s*)"cloudflare:workers"/g, `$1${STUB}`));
    fs.writeFileSync(path.join(dir, name), runnable);
    return runnable;
  };
  // The hand-written modules (entry.mjs, flowconf-spill.mjs) import DurableObject; the stub gives them a plain class.
  for (const f of fs.readdirSync(sourceDir).filter((n) => n.endsWith(".mjs"))) {
    copy(f, fs.readFileSync(path.join(sourceDir, f), "utf8"));
  }
  const js = fs.readFileSync(path.join(sourceDir, "flowconf-host.js"), "utf8");
  const imports = [...js.matchAll(/import\s*\*\s*as\s*([A-Za-z_$][\w$]*)\s*from\s*"cloudflare:workers";/g)];
  if (imports.length === 0 && js.includes("cloudflare:workers")) throw new Error("unexpected import of cloudflare:workers");
  const used = new Set();
  for (const [, alias] of imports) {
    for (const m of js.matchAll(new RegExp(`(?<![\\w$])${alias.replaceAll("$", "\\$")}\\.([A-Za-z_$][\\w$]*)`, "g"))) used.add(m[1]);
  }
  const unknown = [...used].filter((name) => !(name in STUB_EXPORTS));
  if (unknown.length) throw new Error(`the module uses cloudflare:workers' ${unknown.join(", ")}, which the stub lacks`);
  fs.writeFileSync(path.join(dir, STUB_FILE), Object.values(STUB_EXPORTS).join("\n") + "\n");
  const moduleText = copy("flowconf-host.js", js);
  fs.writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
  return { dir, moduleText };
}

/** Rewrites `import x from "./file.ext"` (not .js/.mjs) to import `./file.ext.mjs`, written beside it with the text. */
function textModulesAsEs(sourceDir, dir, text) {
  return text.replace(/(import\s+[\w$]+\s+from\s*)"\.\/([^"]+)"/g, (whole, head, file) => {
    if (/\.m?js$/.test(file)) return whole;
    const content = fs.readFileSync(path.join(sourceDir, file), "utf8");
    fs.writeFileSync(path.join(dir, `${file}.mjs`), `export default ${JSON.stringify(content)};\n`);
    return `${head}"./${file}.mjs"`;
  });
}
