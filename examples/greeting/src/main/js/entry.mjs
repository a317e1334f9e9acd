// The example Worker's entry: workerd wants a default-exported handler object and the spill Durable Object's class,
// which TeaVM cannot emit; the bundle is imported as text (a text module here, wrangler.toml's Text rule on
// Cloudflare) and handed to the TeaVM module before any request.
import { DurableObject } from "cloudflare:workers";
import bundle from "./greeting.bundle.json";
import { fetch, spillTake, spillWrite, useBundle } from "./flowconf-host.js";

useBundle(bundle);

export default { fetch };

export class FlowconfSpill extends DurableObject {
  write(key, bytes) {
    spillWrite(this.ctx.storage, key, bytes);
  }

  take(key) {
    return spillTake(this.ctx.storage, key);
  }
}
