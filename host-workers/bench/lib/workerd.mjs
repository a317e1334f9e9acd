// workerd spawned directly on a module directory (no harness JVM in between), with workerd.capnp.template's
// settings: for the startup figures, workerd's own traces and V8's GC log.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { checkEcho } from "./hosts.mjs";
import { ROOT, WORKERD_BIN, WORKERD_CONFIG_TEMPLATE } from "./paths.mjs";
import { freePort, isRunning, launch, logOf, stop } from "./processes.mjs";
import { compatibility, moduleEmbeds } from "../../src/build/js/wasm-worker.mjs";

/** host-workers/wrangler.toml's compatibility date and flags: what Cloudflare and the harness run the host with. */
export function wranglerCompatibility() {
  return compatibility(path.join(ROOT, "host-workers/wrangler.toml"));
}

function renderConfig(moduleDir, port, v8Flags) {
  const modules = moduleEmbeds(moduleDir).map((m) => `    ${m},`).join("\n");
  const compat = wranglerCompatibility();
  const config = fs.readFileSync(WORKERD_CONFIG_TEMPLATE, "utf8")
    .replace("{{PORT}}", String(port))
    .replace("{{MODULES}}", modules)
    .replace("{{COMPATIBILITY_DATE}}", compat.date)
    .replace("{{COMPATIBILITY_FLAGS}}", compat.flags.map((f) => JSON.stringify(f)).join(", "));
  if (v8Flags.length === 0) return config;
  return config.replace(/\n\);\n/, `\n  v8Flags = [${v8Flags.map((f) => JSON.stringify(f)).join(", ")}],\n);\n`);
}

/**
 * Spawns workerd on `moduleDir` and polls POST `echoPath` every ms until it answers S1. Resolves with a host
 * (`readyMs`: spawn → that first answer); `stop()` also removes its config.
 */
export async function startWorkerd(moduleDir, name, { kind = name, label = name, echoPath = "/echo", v8Flags = [], traceFile,
  traceCategories = "workerd" } = {}) {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flowconf-bench-"));
  const config = path.join(dir, "bench.capnp");
  fs.writeFileSync(config, renderConfig(moduleDir, port, v8Flags));
  const args = ["serve", "--import-path", moduleDir, ...(traceFile ? [`--perfetto-trace=${traceFile}=${traceCategories}`] : []), config];
  const t0 = performance.now();
  const entry = launch(name, WORKERD_BIN, args, { cwd: dir });
  const host = { kind, label, workerd: true, url: `http://127.0.0.1:${port}`, pid: entry.process.pid, echoPath, entry };
  host.stop = async () => {
    await stop(entry);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (;;) {
      try {
        await checkEcho(host);
        host.readyMs = performance.now() - t0;
        return host;
      } catch (e) {
        if (!isRunning(entry)) throw new Error(`workerd exited at startup; log ${entry.logPath}:\n${logOf(entry)}`);
        if (performance.now() - t0 > 20_000) throw new Error(`workerd on ${moduleDir} gave no 200 within 20 s: ${e.message}`);
      }
      await sleep(1);
    }
  } catch (e) {
    await host.stop();
    throw e;
  }
}
