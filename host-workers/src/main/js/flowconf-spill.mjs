// SPILL-HOST-1's Durable Object for any TeaVM-built Flow IR host whose module exports spillWrite and spillTake
// (FetchHandler's): a class extending cloudflare:workers' DurableObject, which TeaVM cannot emit. Shared by this
// host's entry.mjs and a project's own (examples/greeting), so the storage calls are written once.
import { DurableObject } from "cloudflare:workers";

/** The FlowconfSpill class for `host`: a module namespace with spillWrite(storage, key, bytes) and spillTake(storage, key). */
export function spillObjectFor(host) {
  return class FlowconfSpill extends DurableObject {
    write(key, bytes) {
      host.spillWrite(this.ctx.storage, key, bytes);
    }

    take(key) {
      return host.spillTake(this.ctx.storage, key);
    }
  };
}
