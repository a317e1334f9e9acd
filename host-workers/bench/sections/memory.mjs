// Section 6, memory: VmRSS of each serving process (workerd itself; the host's JVM) after 100 and after 10 000 S1
// requests, on freshly started hosts; and once more after the throughput runs, for the record.
import { setTimeout as sleep } from "node:timers/promises";
import { CFG } from "../lib/config.mjs";
import { fmt } from "../lib/format.mjs";
import { checkEcho } from "../lib/hosts.mjs";
import { loadRound } from "../lib/load-round.mjs";
import { memoryKib } from "../lib/proc.mjs";
import { raw, section } from "../lib/report.mjs";
import { row } from "../lib/results.mjs";

const CONNECTIONS = 8;

export async function memoryGrowth(hosts) {
  section(`6. Memory: VmRSS after ${fmt.int(CFG.memoryFirst)} and after ${fmt.int(CFG.memoryThen)} S1 requests (fresh processes; ${CONNECTIONS} connections)`);
  const result = {};
  for (const host of hosts) {
    const idle = memoryKib(host.pid);
    await checkEcho(host); // request 1
    await loadRound(host, { connections: CONNECTIONS, amount: CFG.memoryFirst - 1 });
    await sleep(500);
    const first = memoryKib(host.pid);
    await loadRound(host, { connections: CONNECTIONS, amount: CFG.memoryThen - CFG.memoryFirst });
    await sleep(500);
    const then = memoryKib(host.pid);
    result[host.kind] = { idle, first, then };
    raw(`  ${host.label.padEnd(34)} pid ${String(host.pid).padEnd(7)} idle ${fmt.mib(idle.rss).padStart(10)}  `
      + `after ${fmt.int(CFG.memoryFirst)} ${fmt.mib(first.rss).padStart(10)}  after ${fmt.int(CFG.memoryThen)} ${fmt.mib(then.rss).padStart(10)}  `
      + `(growth ${fmt.mib(then.rss - first.rss)}, peak ${fmt.mib(then.hwm)}; anonymous ${fmt.mib(first.anon)} → ${fmt.mib(then.anon)})`);
  }
  const mem = (kind) => result[kind] && `${fmt.mib(result[kind].first.rss)} → ${fmt.mib(result[kind].then.rss)}`;
  row(6, `RSS after ${fmt.int(CFG.memoryFirst)} → ${fmt.int(CFG.memoryThen)} requests: workerd`, `Workers ${mem("workers")}`,
    `plain JS ${mem("plain")}`, fmt.ratio(result.workers.then.rss / result.plain.then.rss), "—", null);
  row(6, `RSS after ${fmt.int(CFG.memoryFirst)} → ${fmt.int(CFG.memoryThen)} requests: JVM`, `reference ${mem("reference")}`,
    `bare Jetty ${mem("bare")}`, fmt.ratio(result.reference.then.rss / result.bare.then.rss), "—", null);
}

export function memoryAfterLoad(hosts) {
  section("6. Memory after the throughput runs (for the record)");
  for (const h of hosts) {
    const m = memoryKib(h.pid);
    raw(`  ${h.label.padEnd(34)} VmRSS ${fmt.mib(m.rss)}, peak ${fmt.mib(m.hwm)}, anonymous ${fmt.mib(m.anon)}`);
  }
}
