// ci/bench's minimal TeaVM worker (host-workers/src/main/java/dev/flowconf/workers/measure/MinimalS1.java, built with
// -Pminimal-s1): the boundary work the plain worker's /floor/echo does, then S1 by the kernel's JSON and text rules.
// For measuring a cold start (ci/bench section 5) and the garbage a request leaves (section 9) only; it answers every
// request as if it were POST /echo.
import { answer } from "./flowconf-host.js";

const JSON_HEADERS = { "content-type": "application/json" };
// As the plain worker's floor: one counting function for every request, no closure made per request.
let headerBytes = 0;
function countHeader(value, name) {
  headerBytes += name.length + value.length + 4;
}

export default {
  async fetch(request) {
    headerBytes = 0;
    request.headers.forEach(countHeader);
    if (headerBytes > 32768) {
      return new Response('{"error":"header section too large"}', { status: 431, headers: JSON_HEADERS });
    }
    const declared = request.headers.get("content-length");
    if (declared !== null && Number(declared) > 1048576) {
      return new Response('{"error":"body too large"}', { status: 413, headers: JSON_HEADERS });
    }
    return new Response(answer(new Int8Array(await request.arrayBuffer())), { headers: JSON_HEADERS });
  },
};
