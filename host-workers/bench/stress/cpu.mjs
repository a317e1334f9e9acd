// CPU time taken by other work on the machine while a phase runs: a busy machine explains latency spikes and
// missed deadlines (s1's 250 ms), so the table says how busy it was.
import fs from "node:fs";

const CLOCK_TICKS = 100; // USER_HZ on Linux

function read(file) {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** Busy CPU time of the whole machine (all cores), in ms, from /proc/stat. */
function machineBusyMs() {
  const [user, nice, system, , , irq, softirq, steal] = read("/proc/stat").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / CLOCK_TICKS;
}

/** utime + stime of a process (all its threads), in ms; 0 when it is gone. */
function processMs(pid) {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS; // fields 14 and 15 of proc(5)
}

/**
 * Starts measuring; `stop()` returns the % of one core that processes other than `pids` and this driver used
 * meanwhile (the driver's own children, such as `flowconf isolate`, count as others).
 */
export function otherCpu(pids) {
  const ownMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const t0 = performance.now();
  const machine0 = machineBusyMs();
  const ours0 = pids.reduce((sum, pid) => sum + processMs(pid), 0) + ownMs();
  return {
    stop() {
      const wallMs = performance.now() - t0;
      const ours = pids.reduce((sum, pid) => sum + processMs(pid), 0) + ownMs() - ours0;
      return Math.max(0, ((machineBusyMs() - machine0 - ours) / wallMs) * 100);
    },
  };
}
