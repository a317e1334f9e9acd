// The hosts' run probe, GET /__flowconf/runs (SPEC.md PROBE-1): {"active","cancelled","completed","started"}.
import http from "node:http";

/** One read of the probe, on a connection of its own so a busy pool never delays it. */
export function readProbe(baseUrl, timeoutMs = 5000) {
  return new Promise((resolve, reject) => {
    const req = http.get(`${baseUrl}/__flowconf/runs`, { agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => {
        if (res.statusCode !== 200) return reject(new Error(`probe answered ${res.statusCode}: ${body}`));
        try {
          resolve(JSON.parse(body));
        } catch {
          reject(new Error(`probe answered ${body}, not PROBE-1's object`));
        }
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`probe: no answer in ${timeoutMs} ms`)));
    req.on("error", reject);
  });
}

/** What changed between two probe reads. */
export function probeDelta(before, after) {
  return {
    started: after.started - before.started,
    completed: after.completed - before.completed,
    cancelled: after.cancelled - before.cancelled,
    active: after.active,
  };
}

/**
 * Polls the probe until no run is active, at most `limitMs`. Resolves with the last read and how long it took
 * (ms, from the call); `drained` is false when runs were still active at the limit.
 */
export async function awaitNoActiveRuns(baseUrl, limitMs, everyMs = 20) {
  const t0 = performance.now();
  for (;;) {
    const counts = await readProbe(baseUrl);
    const ms = performance.now() - t0;
    if (counts.active === 0) return { counts, ms, drained: true };
    if (ms >= limitMs) return { counts, ms, drained: false };
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
