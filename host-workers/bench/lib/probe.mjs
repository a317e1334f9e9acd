// The hosts' run probe, GET /__flowconf/runs (SPEC.md PROBE-1): {"active","cancelled","completed","started"}.
import { setTimeout as sleep } from "node:timers/promises";
import { request } from "./http.mjs";

/** One read of the probe; by default on a connection of its own, so that a busy pool never delays it. */
export async function readProbe(baseUrl, { agent = false, timeoutMs = 5000 } = {}) {
  const res = await request(`${baseUrl}/__flowconf/runs`, { agent, timeoutMs });
  if (res.status !== 200) throw new Error(`probe answered ${res.status}: ${res.body}`);
  try {
    return JSON.parse(res.body);
  } catch {
    throw new Error(`probe answered ${res.body}, not PROBE-1's object`);
  }
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
    await sleep(everyMs);
  }
}
