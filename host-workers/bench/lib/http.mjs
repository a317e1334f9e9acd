// One HTTP exchange on 127.0.0.1, its whole answer read.
import http from "node:http";

/** `body` is sent as JSON with its content-length; `agent: false` takes a connection of its own. */
export function request(url, { method = "GET", body, headers = {}, agent = false, timeoutMs = 10_000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: body != null
      ? { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers } : headers });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${method} ${url}`)));
    req.on("error", reject);
    req.on("response", (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.end(body);
  });
}
