// Section 5, bundle: the Workers module's size as built, raw and gzip -9, against the 100 kB gzip target.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { fmt } from "../lib/format.mjs";
import { PLAIN_MODULE, WORKER_MODULE } from "../lib/paths.mjs";
import { raw, section } from "../lib/report.mjs";
import { row } from "../lib/results.mjs";

const gzipSize = (data) => gzipSync(data, { level: 9 }).length;

export function bundle() {
  section("5. Bundle: the Workers module as built (host-workers/target/worker)");
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const name of fs.readdirSync(WORKER_MODULE).sort()) {
    if (!/\.(m?js|wasm)$/.test(name)) continue;
    const data = fs.readFileSync(path.join(WORKER_MODULE, name));
    const gz = gzipSize(data);
    rawBytes += data.length;
    gzipBytes += gz;
    raw(`  ${name.padEnd(20)} ${fmt.int(data.length).padStart(9)} bytes raw  ${fmt.int(gz).padStart(8)} bytes gzip -9`);
  }
  const plain = fs.readFileSync(path.join(PLAIN_MODULE, "entry.mjs"));
  raw(`  plain-worker/entry.mjs ${fmt.int(plain.length)} bytes raw, ${fmt.int(gzipSize(plain))} gzip`);
  row(5, "Bundle size (all modules), gzip -9", `${fmt.int(gzipBytes)} B gzip (${fmt.int(rawBytes)} B raw)`, "—", "—",
    "≤ 100 kB gzip", gzipBytes <= 100_000);
}
