// The only hand-written JS. workerd wants a default-exported handler object, where TeaVM emits named exports, and a
// Durable Object class that extends cloudflare:workers' DurableObject, which TeaVM cannot emit. Both call straight
// into the TeaVM module.
import { DurableObject } from "cloudflare:workers";
import { fetch, spillTake, spillWrite } from "./flowconf-host.js";

export default { fetch };

/** SPILL-HOST-1's storage: payloads in this object's SQLite storage (FetchHandler.spillWrite/spillTake). */
export class FlowconfSpill extends DurableObject {
  write(key, bytes) {
    spillWrite(this.ctx.storage, key, bytes);
  }

  take(key) {
    return spillTake(this.ctx.storage, key);
  }
}
