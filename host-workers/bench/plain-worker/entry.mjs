// A plain hand-written Worker doing S1's work (SPEC.md ECHO-1) with the platform's own JSON, for ci/bench's
// baseline: the TeaVM-built Workers host is measured against this, in the same workerd build and config.
// Not a flowconf host: no kernel, no run probe, no error envelopes beyond what a baseline needs.
const JSON_HEADERS = { "content-type": "application/json" };
const SSE_HEADERS = { "content-type": "text/event-stream", "cache-control": "no-cache" };
const encoder = new TextEncoder();

function json(status, value) {
  return new Response(JSON.stringify(value), { status, headers: JSON_HEADERS });
}

// GET /stream: STREAM-1's three events `data: {"chunk":i}` (?n=N for N of them); GET /bench/stream: 10 000 of them,
// the route ci/bench would like the hosts to have. One enqueue per event, pulled as the client reads.
function stream(n) {
  let i = 0;
  const body = new ReadableStream({
    pull(controller) {
      if (i >= n) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(`data: {"chunk":${i}}\n\n`));
      i++;
    },
  }, { highWaterMark: 0 });
  return new Response(body, { headers: SSE_HEADERS });
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === "/echo" && request.method === "POST") {
      let payload;
      try {
        payload = JSON.parse(await request.text());
      } catch (e) {
        return json(400, { error: String(e.message) });
      }
      if (payload === null || typeof payload !== "object" || typeof payload.value !== "string") {
        return json(500, { error: "node `responder` failed: failed to deserialize node input: missing field `value`" });
      }
      return json(200, { value: payload.value.trim().toLowerCase() });
    }
    if (url.pathname === "/stream" && request.method === "GET") {
      const n = Number.parseInt(url.searchParams.get("n") ?? "3", 10);
      return stream(Number.isFinite(n) && n >= 0 ? Math.min(n, 1_000_000) : 3);
    }
    if (url.pathname === "/bench/stream" && request.method === "GET") {
      return stream(10_000);
    }
    return json(404, { error: "route not found" });
  },
};
