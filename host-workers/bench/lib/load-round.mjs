// ci/bench's load round: POST /echo with S1 on one host, with the serving process's own CPU per request and the CPU
// other processes took meanwhile (kept for the report's header: they distort the figures).
import { S1_BODY } from "./config.mjs";
import { fmt } from "./format.mjs";
import { runLoad } from "./load.mjs";
import { cpuWindow } from "./proc.mjs";
import { quantile } from "./stats.mjs";

/** Others' CPU (% of one core) in every timed round, warm-ups included; rounds repeated or kept though disturbed. */
export const disturbance = { othersPct: [], repeated: 0, kept: 0 };
/** A measured round during which other processes used more than this (% of one core) is repeated, within budget. */
export const DISTURBED_PCT = 25;

/** `seconds` long or `amount` requests; `host.pid` is the process whose CPU is counted. */
export async function loadRound(host, { connections, seconds, amount }) {
  const cpu = cpuWindow([host.pid]);
  const run = await runLoad(`${host.url}${host.echoPath ?? "/echo"}`, { connections, seconds, amount, body: S1_BODY });
  const { othersPct, ownMs, processes: [server] } = cpu.stop();
  const elapsed = run.elapsedSeconds;
  if (seconds) disturbance.othersPct.push(othersPct);
  const n = run.latencies.length;
  const served = n + run.non2xx;
  return {
    othersPct,
    rps: n / elapsed,
    n,
    p50: quantile(run.latencies, 0.5),
    p99: quantile(run.latencies, 0.99),
    errors: run.result.errors, // autocannon counts its timeouts among the errors already
    non2xx: run.non2xx,
    statuses: run.non2xxStatuses,
    cpuOf: host.workerd ? "workerd" : "JVM",
    served,
    serverCpuPct: (server.ms / 10) / elapsed,
    serverCpuSource: server.source,
    serverCpuTicksMs: server.ticksMs,
    // the process's CPU time over every answer it gave in the round (2xx or not)
    serverCpuUsPerReq: served ? (server.ms * 1000) / served : null,
    loadGenCpuPct: (ownMs / 10) / elapsed,
  };
}

export function describeRound(r) {
  return `${fmt.rps(r.rps).padStart(14)}  p50 ${fmt.ms(r.p50).padStart(8)}  p99 ${fmt.ms(r.p99).padStart(8)}  `
    + `${r.cpuOf.padStart(7)} CPU ${r.serverCpuPct.toFixed(0).padStart(3)} %, ${fmt.us(r.serverCpuUsPerReq).padStart(8)}/req`
    + `${r.serverCpuSource === "ticks" ? " (clock ticks: a thread exited)" : ""}  `
    + `autocannon CPU ${r.loadGenCpuPct.toFixed(0).padStart(3)} %  others ${r.othersPct.toFixed(0).padStart(3)} %`
    + (r.errors ? `  errors ${r.errors}` : "")
    + (r.non2xx ? `  non-2xx: ${Object.entries(r.statuses).map(([code, n]) => `${n} × ${code}`).join(", ")} (left out of the figures)` : "");
}
