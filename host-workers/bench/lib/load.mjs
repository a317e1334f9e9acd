// One run of POST requests with autocannon (pinned by package-lock.json): the answers by status, the latency of each
// 2xx answer and the socket errors. The bench and stress drivers make their own figures from these.
import autocannon from "autocannon";

const isSuccess = (status) => status >= 200 && status < 300;

/**
 * `seconds` long, or `amount` requests in all, `connections` at once, on `url`. Every request sends `body`, or
 * `bodyFor(n)` (n = 0, 1, …) for a body of its own, whose answers `onAnswer(status, body)` then sees. Latencies come
 * from autocannon's per-response event (hrtime, ms with fractions), not its histogram, which rounds to whole ms.
 */
export async function runLoad(url, { connections, seconds, amount, body, bodyFor, onAnswer }) {
  const latencies = [];
  const statuses = {};
  const socketErrors = {};
  const headers = { "content-type": "application/json" };
  let serial = 0;
  const { pathname, search } = new URL(url);
  const instance = autocannon({
    url,
    method: "POST",
    headers,
    ...(bodyFor
      ? { requests: [{ method: "POST", path: `${pathname}${search}`, headers, onResponse: onAnswer,
        setupRequest: (request) => ({ ...request, body: bodyFor(serial++) }) }] }
      : { body }),
    connections,
    pipelining: 1,
    timeout: 10,
    ...(amount ? { amount } : { duration: seconds }),
  });
  instance.on("response", (_client, status, _bytes, ms) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (isSuccess(status)) latencies.push(ms);
  });
  instance.on("reqError", (error) => {
    const code = error.code ?? error.message ?? String(error);
    socketErrors[code] = (socketErrors[code] ?? 0) + 1;
  });
  const t0 = performance.now();
  const result = await instance;
  const elapsedSeconds = (performance.now() - t0) / 1000; // autocannon's own duration is whole seconds
  const non2xxStatuses = Object.fromEntries(Object.entries(statuses).filter(([s]) => !isSuccess(Number(s))));
  return {
    result,
    elapsedSeconds,
    latencies,
    statuses,
    non2xxStatuses,
    non2xx: Object.values(non2xxStatuses).reduce((sum, n) => sum + n, 0),
    socketErrors,
  };
}
