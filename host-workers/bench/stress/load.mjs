// Load on POST /echo (s1), every answer's body checked against its own request: each request carries a value of its
// own (`  Load <n> OK  `), and a 200 must answer `{"value":"load <n> ok"}` for an <n> that was sent and not answered
// yet. A body of another request, a repeated answer or a wrong transformation counts as wrong; non-2xx answers are
// counted apart (by status), as are socket errors.
import { runLoad } from "../lib/load.mjs";

const ANSWER = /^\{"value":"load (\d+) ok"\}$/;
const SHOWN = 5;

/**
 * One run against `baseUrl`: `seconds` long, or `amount` requests in all; `connections` at once.
 * Resolves with the counts the stress table reports.
 */
export async function loadEcho(baseUrl, { connections, seconds, amount }) {
  const unanswered = new Set();
  const wrong = [];
  let checked = 0;
  const run = await runLoad(`${baseUrl}/echo`, {
    connections,
    seconds,
    amount,
    bodyFor: (n) => {
      unanswered.add(n);
      return JSON.stringify({ value: `  Load ${n} OK  ` });
    },
    onAnswer: (status, body) => {
      if (status !== 200) return;
      checked++;
      const m = ANSWER.exec(body);
      if (!m || !unanswered.delete(Number(m[1]))) wrong.push(body.slice(0, 200));
    },
  });
  const { result } = run;
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / run.elapsedSeconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: run.non2xx,
    statuses: run.statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    socketErrors: run.socketErrors,
    checked,
    wrong: wrong.length,
    wrongShown: wrong.slice(0, SHOWN),
  };
}
