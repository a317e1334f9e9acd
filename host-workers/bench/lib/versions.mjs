// The versions of what ci/bench measures with, for its report: java, node, workerd, autocannon.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BENCH_DIR, WORKERD_BIN } from "./paths.mjs";

function versionOf(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  return `${r.stdout ?? ""}${r.stderr ?? ""}`.trim() || "?";
}

export function toolVersions() {
  return {
    node: process.version,
    java: versionOf("java", ["-version"]).split("\n")[0],
    workerd: versionOf(WORKERD_BIN, ["--version"]),
    autocannon: JSON.parse(fs.readFileSync(path.join(BENCH_DIR, "node_modules/autocannon/package.json"), "utf8")).version,
  };
}
