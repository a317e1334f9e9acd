// What Linux's /proc says about a process and about the whole machine: CPU time, memory, children, and the CPU other
// work took while a driver measured. Every driver samples processes through here.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/** A file's text, or "" when it cannot be read (a process that has exited, a kernel without the file). */
export function readText(file) {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

function listDir(dir) {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

let ticksPerSecond = null;
/** USER_HZ, the unit of /proc's tick counts (`getconf CLK_TCK`; 100 on Linux unless said otherwise). */
export function clockTicks() {
  if (ticksPerSecond == null) {
    const n = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim());
    ticksPerSecond = Number.isFinite(n) && n > 0 ? n : 100;
  }
  return ticksPerSecond;
}

/** Busy CPU time of the whole machine (all cores), in ms, from /proc/stat. */
function machineBusyMs() {
  const [user, nice, system, , , irq, softirq, steal] = readText("/proc/stat").split("\n")[0].trim().split(/\s+/).slice(1)
    .map(Number);
  return ((user + nice + system + irq + softirq + (steal || 0)) * 1000) / clockTicks();
}

/** utime + stime of a process (all threads, exited ones included), in ms, whole clock ticks; 0 once it is gone. */
function ticksMs(pid) {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(rest[11]) + Number(rest[12])) * 1000) / clockTicks(); // fields 14 and 15 of proc(5)
}

/**
 * The CPU time of one process so far: utime + stime (clock ticks) and, per thread, the first field of
 * /proc/<pid>/task/<tid>/schedstat (ns on the CPU; /proc/<pid>/schedstat alone counts only the main thread).
 */
function cpuSample(pid) {
  const threads = new Map();
  for (const tid of listDir(`/proc/${pid}/task`)) {
    const field = readText(`/proc/${pid}/task/${tid}/schedstat`).split(" ")[0];
    if (/^\d+$/.test(field)) threads.set(tid, Number(field));
  }
  return { ticksMs: ticksMs(pid), threads };
}

/**
 * CPU time used since `before`, in ms: the schedstat sum when every thread of `before` is still there (a thread that
 * exits takes its schedstat with it), else the clock ticks (which keep exited threads' time, at 1 / CLK_TCK).
 */
function cpuSince(pid, before) {
  const after = cpuSample(pid);
  const ticks = after.ticksMs - before.ticksMs;
  let ns = 0;
  let exact = before.threads.size > 0 && after.threads.size > 0;
  for (const [tid, n0] of before.threads) {
    const n1 = after.threads.get(tid);
    if (n1 == null || n1 < n0) exact = false;
  }
  for (const [tid, n1] of after.threads) ns += n1 - (before.threads.get(tid) ?? 0);
  if (ns === 0 && ticks > 0) exact = false; // a kernel without sched_info answers "0 0 0"
  return exact ? { ms: ns / 1e6, source: "schedstat", ticksMs: ticks } : { ms: ticks, source: "ticks", ticksMs: ticks };
}

/**
 * Starts measuring CPU time; `stop()` gives the wall time, this driver's own CPU, that of each of `pids` (cpuSince)
 * and the % of one core every other process took meanwhile (a driver's children count as others).
 */
export function cpuWindow(pids) {
  const ownMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const before = pids.map(cpuSample);
  const own0 = ownMs();
  const machine0 = machineBusyMs();
  const t0 = performance.now();
  return {
    stop() {
      const wallMs = performance.now() - t0;
      const own = ownMs() - own0;
      const processes = pids.map((pid, i) => cpuSince(pid, before[i]));
      const othersMs = machineBusyMs() - machine0 - own - processes.reduce((sum, p) => sum + p.ms, 0);
      return { wallMs, ownMs: own, processes, othersPct: Math.max(0, (othersMs / wallMs) * 100) };
    },
  };
}

/**
 * Waits, at most `maxSeconds`, until other work takes at most `limitPct` % of a core over 2 s, so that it does not
 * end up in the figures; `onBusy(pct)` hears of each busy stretch. Resolves with the last figure and whether the
 * machine got that quiet.
 */
export async function awaitIdleMachine(maxSeconds, onBusy, limitPct = 20) {
  const deadline = performance.now() + maxSeconds * 1000;
  for (;;) {
    const busy0 = machineBusyMs();
    await sleep(2000);
    const pct = ((machineBusyMs() - busy0) / 2000) * 100;
    if (pct <= limitPct) return { pct, idle: true };
    if (performance.now() > deadline) return { pct, idle: false };
    onBusy(pct);
  }
}

/** VmRSS, VmHWM (peak RSS) and RssAnon (the private, anonymous part of VmRSS) in KiB; null where gone. */
export function memoryKib(pid) {
  const status = readText(`/proc/${pid}/status`);
  const field = (name) => {
    const m = status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, "m"));
    return m ? Number(m[1]) : null;
  };
  return { rss: field("VmRSS"), hwm: field("VmHWM"), anon: field("RssAnon") };
}

/** The workerd process the harness JVM `javaPid` spawned (its direct child named workerd), or null. */
export function workerdChildOf(javaPid) {
  for (const tid of listDir(`/proc/${javaPid}/task`)) {
    for (const kid of readText(`/proc/${javaPid}/task/${tid}/children`).trim().split(/\s+/).filter(Boolean)) {
      if (readText(`/proc/${kid}/comm`).trim() === "workerd") return Number(kid);
    }
  }
  return null;
}
