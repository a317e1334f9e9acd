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
// as the hosts serve it (SPEC.md STREAM-2). One enqueue per event, pulled as the client reads; with ?batch=B, up to B
// events per enqueue, as the Workers host writes the frames a never-waiting stream has at hand (ci/bench's context row).
function stream(n, batch = 1) {
  let i = 0;
  const body = new ReadableStream({
    pull(controller) {
      if (i >= n) {
        controller.close();
        return;
      }
      let chunk = "";
      for (const end = Math.min(n, i + batch); i < end; i++) chunk += `data: {"chunk":${i}}\n\n`;
      controller.enqueue(encoder.encode(chunk));
    },
  }, { highWaterMark: 0 });
  return new Response(body, { headers: SSE_HEADERS });
}

/**
 * POST /floor/echo: the same, after what SPEC obliges every host to do before a flow runs and the plain worker above
 * skips: add up the header section (LIMIT-HEADERS-1), check the declared length (LIMIT-BODY-1), take the body as
 * bytes and decode it strictly (invalid UTF-8 is an error of its own). ci/bench's context row, not a baseline.
 */
async function bodyText(request, floor) {
  if (!floor) return request.text();
  headerBytes = 0;
  request.headers.forEach(countHeader);
  if (headerBytes > 32768) throw new Error("header section too large");
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > 1048576) throw new Error("body too large");
  return strictUtf8.decode(await request.arrayBuffer());
}

// Made once, not per request: the floor should leave as little garbage as this work allows (ci/bench section 9).
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
let headerBytes = 0;
function countHeader(value, name) {
  headerBytes += name.length + value.length + 4;
}

/**
 * POST /garbage/echo?bytes=N: S1 plus about N bytes of short-lived objects on the JS heap (32-byte objects, kept until
 * the next such request so that V8 cannot drop them unmade). ci/bench section 9: how p99 at 32 connections moves with
 * a request's garbage alone, every other cost equal. Context, not a baseline.
 */
let lastGarbage = null;
function makeGarbage(bytes) {
  const objects = new Array(Math.ceil(bytes / 32));
  for (let i = 0; i < objects.length; i++) objects[i] = { i, next: null };
  lastGarbage = objects;
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const floor = url.pathname === "/floor/echo";
    const garbage = url.pathname === "/garbage/echo";
    if (garbage) makeGarbage(Number(url.searchParams.get("bytes") ?? 0));
    if ((url.pathname === "/echo" || floor || garbage) && request.method === "POST") {
      let payload;
      try {
        payload = JSON.parse(await bodyText(request, floor));
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
      const batch = Number.parseInt(url.searchParams.get("batch") ?? "1", 10);
      return stream(10_000, Number.isFinite(batch) && batch >= 1 ? Math.min(batch, 1_000) : 1);
    }
    return json(404, { error: "route not found" });
  },
};
