// Section 4, cancellation: a client closes its socket after GET /cancel's first event; how long until the run probe
// counts the run cancelled.
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { CFG } from "../lib/config.mjs";
import { fmt } from "../lib/format.mjs";
import { readProbe } from "../lib/probe.mjs";
import { raw, section } from "../lib/report.mjs";
import { row } from "../lib/results.mjs";
import { max, median } from "../lib/stats.mjs";

/** Opens GET /cancel, closes the socket after its first event, then polls the probe until cancelled + 1: ms, or null. */
async function cancelOnce(host) {
  // the host's keep-alive agent: a fresh connection per poll would add its own latency to the figure
  const probe = () => readProbe(host.url, { agent: host.agent });
  const start = await probe();
  const socket = net.connect(host.port, "127.0.0.1");
  socket.setNoDelay(true);
  await new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`${host.kind}: no first event from /cancel in 5 s`)), 5000);
    socket.on("error", reject);
    socket.on("connect", () => socket.write(`GET /cancel HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAccept: text/event-stream\r\n\r\n`));
    socket.on("data", (d) => {
      seen += d.toString("latin1");
      if (/\r\n\r\n[\s\S]*data: /.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const t0 = performance.now();
  socket.destroy(); // FIN, as a browser's abort or a closed tab
  const limit = host.keepAliveMs + 5000;
  for (;;) {
    const now = await probe();
    const ms = performance.now() - t0;
    if (now.cancelled >= start.cancelled + 1) {
      // wait for the run to be fully stopped before the next try
      for (let i = 0; i < 200 && now.active > 0; i++) {
        await sleep(5);
        Object.assign(now, await probe());
      }
      return ms;
    }
    if (ms > limit) return null;
    await sleep(1);
  }
}

/** targets: [{host, label, targetMs, targetText}], each tried CFG.cancelTries times. */
export async function cancellation(targets) {
  for (const { host, label, targetMs, targetText } of targets) {
    section(`4. Cancellation: ${label}, ${CFG.cancelTries} tries`);
    const times = [];
    let timeouts = 0;
    for (let i = 0; i < CFG.cancelTries; i++) {
      const ms = await cancelOnce(host);
      if (ms == null) timeouts++;
      else times.push(ms);
    }
    const med = median(times);
    const mx = max(times);
    raw(`  ${times.map((t) => t.toFixed(0)).join(" ")} ms`);
    raw(`  median ${fmt.ms(med)}, max ${fmt.ms(mx)}, min ${fmt.ms(Math.min(...times))}${timeouts ? `, ${timeouts} never cancelled` : ""}`);
    const met = med != null && med <= targetMs && timeouts === 0;
    row(4, `Cancellation, ${label}`, `median ${fmt.ms(med)}, max ${fmt.ms(mx)}`, "—", "—", targetText, met,
      mx > targetMs ? `max over${timeouts ? `, ${timeouts} timeouts` : ""}` : "");
  }
}
