// Test Worker for SpillStorageTests: the spill object's real storage functions (FetchHandler.spillWrite/spillTake in
// the built flowconf-host.js, copied beside this file) behind routes a test can call, and a view of its SQL rows.
import { DurableObject } from "cloudflare:workers";
import { spillTake, spillWrite } from "./flowconf-host.js";

const byteAt = (i) => (i * 7 + (i >> 16)) & 255;

export class FlowconfSpill extends DurableObject {
  write(key, length) {
    const bytes = new Uint8Array(length);
    for (let i = 0; i < length; i++) bytes[i] = byteAt(i);
    spillWrite(this.ctx.storage, key, bytes);
  }

  /** The payload's length once it is read back and every byte checked; -1 for a wrong byte; null for none. */
  take(key) {
    const bytes = spillTake(this.ctx.storage, key);
    if (bytes === null) return null;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] !== byteAt(i)) return -1;
    return bytes.length;
  }

  rows() {
    const sql = this.ctx.storage.sql;
    const tables = sql.exec("SELECT name FROM sqlite_master WHERE type = 'table'").toArray().map((t) => t.name);
    if (!tables.includes("spill")) return { chunks: [], index: [] };
    return {
      chunks: sql.exec("SELECT key, seq, length(data) AS bytes FROM spill_chunk ORDER BY key, seq").toArray(),
      index: sql.exec("SELECT key, chunks, bytes FROM spill ORDER BY key").toArray(),
    };
  }
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const object = env.FLOWCONF_SPILL.get(env.FLOWCONF_SPILL.idFromName("test"));
    const key = url.searchParams.get("key");
    switch (url.pathname) {
      case "/write":
        await object.write(key, Number(url.searchParams.get("bytes")));
        return Response.json({ written: true });
      case "/take":
        return Response.json({ taken: await object.take(key) });
      case "/rows":
        return Response.json(await object.rows());
      default:
        return new Response("not found", { status: 404 });
    }
  },
};
