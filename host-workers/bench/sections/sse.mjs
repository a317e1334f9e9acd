// Section 3, SSE: time to the first event on GET /stream (hosts and baselines) and GET /site/stream (hosts only), and
// events/s over GET /bench/stream, SPEC.md STREAM-2's stream of 10 000 items that hosts and baselines all serve.
import http from "node:http";
import { CFG } from "../lib/config.mjs";
import { fmt } from "../lib/format.mjs";
import { raw, section } from "../lib/report.mjs";
import { row } from "../lib/results.mjs";
import { max, median } from "../lib/stats.mjs";

/** Exactly CFG.streamItems `data: {"chunk":i}` events, as fast as the client reads. */
const BENCH_STREAM = "/bench/stream";
const SITE_STREAM = "/site/stream?site=alpha";

/** GET an event stream: time to the first `data:` event, to the end, and the events counted. */
function readStream(url, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let first = null;
    let events = 0;
    let comments = 0;
    let pending = "";
    const req = http.get(url, { agent: false, headers: { accept: "text/event-stream" } });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on("error", reject);
    req.on("response", (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`${url} answered ${res.statusCode}`));
        return;
      }
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        pending += chunk;
        let i;
        while ((i = pending.indexOf("\n\n")) >= 0) {
          const block = pending.slice(0, i);
          pending = pending.slice(i + 2);
          if (block.startsWith("data:")) {
            events++;
            if (first == null) first = performance.now() - t0;
          } else if (block.startsWith(":")) comments++;
        }
      });
      res.on("end", () => resolve({ ttfe: first, total: performance.now() - t0, events, comments }));
      res.on("error", reject);
    });
  });
}

export async function sse(hosts) {
  await firstEvent(hosts);
  await streamRate(hosts);
}

async function firstEvent({ workers, reference, plain, bare }) {
  section(`3. SSE: time to first event (fresh connection each, alternating hosts; ${CFG.ttfeTries} tries on /stream, `
    + `${CFG.siteTtfeTries} on /site/stream; median)`);
  const ttfe = {};
  for (const p of ["/stream", SITE_STREAM]) {
    const targets = p === "/stream" ? [workers, reference, plain, bare] : [workers, reference];
    for (const host of targets) ttfe[`${host.kind} ${p}`] = [];
    const tries = p === "/stream" ? CFG.ttfeTries : CFG.siteTtfeTries;
    for (let i = 0; i < tries; i++) {
      for (const host of targets) ttfe[`${host.kind} ${p}`].push(await readStream(`${host.url}${p}`));
    }
    for (const host of targets) {
      const runs = ttfe[`${host.kind} ${p}`];
      raw(`  GET ${p.padEnd(24)} ${host.kind.padEnd(10)} first event ${fmt.ms(median(runs.map((r) => r.ttfe))).padStart(8)} `
        + `(max ${fmt.ms(max(runs.map((r) => r.ttfe)))}), whole stream ${fmt.ms(median(runs.map((r) => r.total)))}, `
        + `${runs[0].events} events`);
    }
  }
  const m = (key) => median(ttfe[key].map((r) => r.ttfe));
  const [w, r, p, b] = ["workers", "reference", "plain", "bare"].map((k) => m(`${k} /stream`));
  row(3, "SSE time to first event, GET /stream (median)", `Workers ${fmt.ms(w)}, reference ${fmt.ms(r)}`,
    `plain JS ${fmt.ms(p)}, bare Jetty ${fmt.ms(b)}`, `${fmt.ratio(w / p)}, ${fmt.ratio(r / b)}`, "—", null);
  row(3, "SSE time to first event, GET /site/stream (median)",
    `Workers ${fmt.ms(m(`workers ${SITE_STREAM}`))}, reference ${fmt.ms(m(`reference ${SITE_STREAM}`))}`, "— (no such route)", "—", "—", null);
}

async function streamRate({ workers, reference, plain, bare }) {
  section(`3. SSE: events/s over GET ${BENCH_STREAM} (${fmt.int(CFG.streamItems)} items; ${CFG.streamTries} tries each, the targets in turn; median)`);
  const rate = {};
  const targets = [workers, reference, plain, bare];
  const runs = Object.fromEntries(targets.map((host) => [host.kind, []]));
  for (let i = 0; i < CFG.streamTries; i++) {
    for (const host of targets) runs[host.kind].push(await readStream(`${host.url}${BENCH_STREAM}`));
  }
  for (const host of targets) {
    const mine = runs[host.kind];
    if (mine.some((r) => r.events !== CFG.streamItems)) {
      throw new Error(`${host.kind}: GET ${BENCH_STREAM} gave ${mine.map((r) => r.events).join(", ")} events, not ${CFG.streamItems}`);
    }
    rate[host.kind] = median(mine.map((r) => r.events / (r.total / 1000)));
    const totals = mine.map((r) => r.total);
    raw(`  ${host.kind.padEnd(10)} median ${fmt.ms(median(totals))} (${fmt.ms(Math.min(...totals))}–${fmt.ms(Math.max(...totals))}) `
      + `→ ${fmt.int(rate[host.kind])} events/s (first event ${fmt.ms(median(mine.map((r) => r.ttfe)))})`);
  }
  // Context: the plain worker writing 32 events per chunk, as the Workers host does for a stream that never waits.
  const batched = [];
  for (let i = 0; i < CFG.streamTries; i++) batched.push(await readStream(`${plain.url}${BENCH_STREAM}?batch=32`));
  if (batched.some((r) => r.events !== CFG.streamItems)) throw new Error(`plain: ?batch=32 gave ${batched.map((r) => r.events)}`);
  rate.plainBatched = median(batched.map((r) => r.events / (r.total / 1000)));
  raw(`  ${"plain, 32 a chunk".padEnd(10)} ${batched.map((r) => fmt.ms(r.total)).join(", ")} → ${fmt.int(rate.plainBatched)} events/s`);
  const perSecond = (kind) => `${fmt.int(rate[kind])}/s`;
  row(3, `SSE events/s, GET ${BENCH_STREAM} (${fmt.int(CFG.streamItems)} items)`,
    `Workers ${perSecond("workers")}, reference ${perSecond("reference")}`, `plain JS ${perSecond("plain")}, bare Jetty ${perSecond("bare")}`,
    `${fmt.ratio(rate.workers / rate.plain)}, ${fmt.ratio(rate.reference / rate.bare)}`, "—", null);
  row(3, `SSE events/s, GET ${BENCH_STREAM}: plain JS writing 32 events per chunk too (context)`,
    `Workers ${perSecond("workers")}`, `plain JS ${perSecond("plainBatched")}`, fmt.ratio(rate.workers / rate.plainBatched), "—", null,
    "the Workers host writes up to 32 frames a stream has at hand as one chunk; the baseline row's plain JS writes one");
}
