// Resident set size of a host process, and which process that is: the JVM for the reference host, workerd itself
// (a child of the harness JVM) for the Workers host.
import fs from "node:fs";

function read(file) {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** VmRSS of `pid` in KiB, from /proc/<pid>/status; null when the process is gone. */
export function rssKib(pid) {
  const m = read(`/proc/${pid}/status`).match(/^VmRSS:\s+(\d+) kB/m);
  return m ? Number(m[1]) : null;
}

/** The workerd process the harness JVM `javaPid` spawned (its direct child named workerd). */
export function workerdChildOf(javaPid) {
  let tasks = [];
  try {
    tasks = fs.readdirSync(`/proc/${javaPid}/task`);
  } catch {
    throw new Error(`no process ${javaPid}`);
  }
  for (const tid of tasks) {
    for (const kid of read(`/proc/${javaPid}/task/${tid}/children`).trim().split(/\s+/).filter(Boolean)) {
      if (read(`/proc/${kid}/comm`).trim() === "workerd") return Number(kid);
    }
  }
  throw new Error(`no workerd process among the children of ${javaPid}`);
}

/**
 * Whether RSS stayed flat over the rounds: the last sample at most `tolerancePct` % above the second (the first
 * round warms up: JIT, heap sizing, V8 tiers). Samples in KiB.
 */
export function isFlat(samples, tolerancePct) {
  if (samples.length < 3 || samples.some((s) => s == null)) return false;
  return samples[samples.length - 1] <= samples[1] * (1 + tolerancePct / 100);
}
