// Load on POST /echo (s1) with autocannon, every answer's body checked against its own request: each request
// carries a value of its own (`  Load <n> OK  `), and a 200 must answer `{"value":"load <n> ok"}` for an <n> that
// was sent and not answered yet. A body of another request, a repeated answer or a wrong transformation counts as
// wrong; non-2xx answers are counted apart (by status), as are socket errors.
import autocannon from "autocannon";

const ANSWER = /^\{"value":"load (\d+) ok"\}$/;
const SHOWN = 5;

/**
 * One run against `baseUrl`: `seconds` long, or `amount` requests in all; `connections` at once.
 * Resolves with the counts the stress table reports.
 */
export async function loadEcho(baseUrl, { connections, seconds, amount }) {
  let serial = 0;
  const unanswered = new Set();
  const wrong = [];
  const statuses = {};
  const socketErrors = {};
  let checked = 0;
  const instance = autocannon({
    url: baseUrl,
    connections,
    ...(amount ? { amount } : { duration: seconds }),
    timeout: 10,
    requests: [{
      method: "POST",
      path: "/echo",
      headers: { "content-type": "application/json" },
      setupRequest: (request) => {
        const n = serial++;
        unanswered.add(n);
        return { ...request, body: JSON.stringify({ value: `  Load ${n} OK  ` }) };
      },
      onResponse: (status, body) => {
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status !== 200) return;
        checked++;
        const m = ANSWER.exec(body);
        if (!m || !unanswered.delete(Number(m[1]))) wrong.push(body.slice(0, 200));
      },
    }],
  });
  instance.on("reqError", (error) => {
    const code = error.code ?? error.message ?? String(error);
    socketErrors[code] = (socketErrors[code] ?? 0) + 1;
  });
  const t0 = performance.now();
  const result = await instance;
  const elapsedSeconds = (performance.now() - t0) / 1000; // autocannon's own duration is whole seconds
  const non2xx = Object.entries(statuses).filter(([s]) => s < 200 || s >= 300).reduce((sum, [, n]) => sum + n, 0);
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / elapsedSeconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    socketErrors,
    checked,
    wrong: wrong.length,
    wrongShown: wrong.slice(0, SHOWN),
  };
}
