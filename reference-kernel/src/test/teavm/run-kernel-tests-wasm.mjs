// Runs the kernel's tests compiled by TeaVM's Wasm GC backend (target/teavm-tests/wasm/kernel-tests.wasm, built by
// dev.flowconf.kernel.teavm.TeaVmSuiteBuilder) in workerd, where the Worker runs that backend's output, and exits
// non-zero unless every one of them ran and passed. node 20 runs no Wasm GC, so the module is made loadable as the
// Worker's is (host-workers/src/build/js/wasm-worker.mjs: the same runtime rewrite and @JSBody recording, with
// host-workers' pinned workerd and esbuild), then one request to a small entry runs the suite and returns its output.
//   node run-kernel-tests-wasm.mjs <kernel-tests.wasm> <wasm-gc-module-runtime.js>
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compatibility, loadableInWorkers, toolsIn, withWorkerd } from '../../../../host-workers/src/build/js/wasm-worker.mjs';
import { verdict } from './kernel-test-verdict.mjs';

const HOST_WORKERS = path.resolve(import.meta.dirname, '../../../../host-workers');
/** Longer than the suite's own waits (a few seconds under node); the request gives up after it. */
const SUITE_LIMIT_MS = 100_000;

const [wasmFile, runtimeFile] = process.argv.slice(2);
if (!wasmFile || !runtimeFile) {
  console.error('usage: node run-kernel-tests-wasm.mjs <kernel-tests.wasm> <wasm-gc-module-runtime.js>');
  process.exit(2);
}

// The entry: captures what the suite prints (TeaVM writes System.out a line at a time through console.log), runs its
// main on the first request and answers once PortableSuite.report has set the result, or at the limit.
const ENTRY = `const lines = [];
console.log = (...parts) => { lines.push(parts.join(" ")); };
console.error = (...parts) => { lines.push(parts.join(" ")); };
export default {
  async fetch(request) {
    if (request.method !== "GET") return new Response(null); // the harness's readiness probe
    const started = Date.now();
    const suite = await import("./kernel-tests.js");
    suite.main([]);
    while (!globalThis.flowconfTeaVmResult && Date.now() - started < ${SUITE_LIMIT_MS}) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return Response.json({ result: globalThis.flowconfTeaVmResult ?? null, lines, ms: Date.now() - started });
  },
};
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowconf-kernel-tests-wasm-'));
let code;
try {
  fs.copyFileSync(wasmFile, path.join(dir, 'kernel-tests.wasm'));
  fs.writeFileSync(path.join(dir, 'entry.mjs'), ENTRY);
  const tools = toolsIn(path.join(HOST_WORKERS, 'node_modules'));
  const compat = compatibility(path.join(HOST_WORKERS, 'wrangler.toml'));
  const { bodies } = await loadableInWorkers({ dir, wasm: 'kernel-tests.wasm', glue: 'kernel-tests.js', runtimeFile, tools,
    compat, optimize: false });
  const report = await withWorkerd(tools.workerd, dir, compat, async (url) => (await fetch(url)).json());
  for (const line of report.lines) console.log(line);
  console.log(`(Wasm GC in workerd: ${bodies.length} @JSBody functions recorded; the suite took ${report.ms} ms)`);
  code = verdict(report.result, 'Wasm GC');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
