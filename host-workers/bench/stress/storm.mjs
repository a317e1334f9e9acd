// A disconnect storm: many SSE clients at once on the streaming routes, each leaving at a point its seeded plan
// picks — before the first byte of the answer, after its k-th event, or at the end — by closing the connection
// (FIN) or resetting it (RST). Plain sockets, so the client's exact moment and manner of leaving are under control.
import net from "node:net";

export const STREAM_ROUTES = {
  "/cancel": { events: Infinity, weight: 4 }, // ticks every 100 ms for a minute: only a leaving client ends it
  "/site/stream?site=alpha": { events: 6, weight: 4 }, // s2: six events 120 ms apart
  "/stream": { events: 3, weight: 2 }, // three events at once
};
const CLIENT_LIMIT_MS = 15_000; // a client still waiting after this is stuck (the host never sent what it waits for)

/** The plan of one client: its route, when it leaves and how. */
export function planClient(rng) {
  const route = rng.weighted(Object.entries(STREAM_ROUTES).map(([r, { weight }]) => [r, weight]));
  const { events } = STREAM_ROUTES[route];
  let when = rng.weighted([["before-first-byte", 3], ["mid-stream", 6], ["end", 1]]);
  if (when === "end" && events === Infinity) when = "mid-stream";
  const afterEvents = when === "mid-stream" ? rng.int(1, Math.min(events - 1, 8)) : null;
  return {
    route,
    when,
    afterEvents,
    // before the first byte: right after the request is written, or a few ms later (the answer may be on its way)
    delayMs: when === "before-first-byte" ? rng.int(0, 3) : 0,
    how: rng.weighted([["fin", 65], ["rst", 35]]),
    startMs: rng.int(0, 100), // a spread so the clients interleave rather than arrive as one burst
  };
}

/**
 * Runs one client on `port` by its plan. Resolves (never rejects) with what happened: `status` (null when no
 * answer head arrived), `events` seen, `left` (how it actually left: before-first-byte, mid-stream, after-end), and
 * `error` for anything a sound host would not do (a refused connection, a non-200 answer, the host closing early,
 * a client stuck).
 */
export function runClient(port, plan) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setNoDelay(true);
    let received = "";
    let status = null;
    let events = 0;
    let settled = false;
    const finish = (left, error = null) => {
      if (settled) return;
      settled = true;
      clearTimeout(stuck);
      resolve({ plan, status, events, left, bytes: received.length, error });
    };
    const leave = (left) => {
      if (plan.how === "rst") socket.resetAndDestroy();
      else socket.destroy();
      finish(left);
    };
    const stuck = setTimeout(() => {
      socket.destroy();
      finish("stuck", `no ${plan.when === "mid-stream" ? `event ${plan.afterEvents}` : "end"} after ${CLIENT_LIMIT_MS} ms`);
    }, CLIENT_LIMIT_MS);
    socket.on("connect", () => {
      // `connection: close`: the host ends the connection after the stream, so "end" is seen as the socket's end
      socket.write(`GET ${plan.route} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\n`
        + "Connection: close\r\n\r\n");
      if (plan.when === "before-first-byte") {
        if (plan.delayMs === 0) leave(received.length ? "mid-stream" : "before-first-byte");
        else setTimeout(() => !settled && leave(received.length ? "mid-stream" : "before-first-byte"), plan.delayMs);
      }
    });
    socket.on("data", (chunk) => {
      if (settled) return;
      received += chunk.toString("latin1");
      if (status == null) {
        const head = received.indexOf("\r\n\r\n");
        if (head < 0) return;
        status = Number(received.slice(9, 12));
        if (status !== 200) {
          socket.destroy();
          finish("error", `answered ${received.slice(0, received.indexOf("\r\n"))}`);
          return;
        }
      }
      events = (received.match(/(^|\n)data: /g) ?? []).length;
      if (plan.when === "mid-stream" && events >= plan.afterEvents) leave("mid-stream");
    });
    socket.on("end", () => {
      if (settled) return;
      const complete = status === 200 && events === STREAM_ROUTES[plan.route].events;
      socket.destroy();
      finish(complete ? "after-end" : "error", complete ? null : `host closed the connection after ${events} events`);
    });
    socket.on("error", (error) => {
      if (!settled) finish("error", `${error.code ?? error.message}`);
    });
  });
}

/** `clients` clients at once, by plans drawn from `rng`. Resolves with every client's result. */
export async function storm(port, clients, rng) {
  const plans = Array.from({ length: clients }, () => planClient(rng));
  return Promise.all(plans.map((plan) => new Promise((r) => setTimeout(r, plan.startMs)).then(() => runClient(port, plan))));
}

/** Counts of a storm's results, for the table. */
export function summarise(results) {
  const count = (predicate) => results.filter(predicate).length;
  return {
    clients: results.length,
    beforeFirstByte: count((r) => r.left === "before-first-byte"),
    midStream: count((r) => r.left === "mid-stream"),
    afterEnd: count((r) => r.left === "after-end"),
    resets: count((r) => r.plan.how === "rst" && r.left !== "after-end" && !r.error),
    // every client that saw the answer's head started a run the probe must count
    sawHead: count((r) => r.status === 200),
    // /cancel never ends by itself within a minute: a run of it that started must end cancelled, never completed
    cancelRoutesWithHead: count((r) => r.status === 200 && r.plan.route === "/cancel"),
    finiteRoutes: count((r) => r.plan.route !== "/cancel"),
    byRoute: Object.fromEntries(Object.keys(STREAM_ROUTES).map((route) => [route, count((r) => r.plan.route === route)])),
    errors: results.filter((r) => r.error).map((r) => `${r.plan.route} (${r.plan.when}, ${r.plan.how}): ${r.error}`),
  };
}
