// The example Worker's entry: workerd wants a default-exported handler object and the spill Durable Object's class,
// which TeaVM cannot emit (flowconf-spill.mjs, copied from host-workers/src/main/js by the build, makes it); the
// bundle is imported as text (a text module here, wrangler.toml's Text rule on Cloudflare) and handed to the TeaVM
// module before any request.
import bundle from "./greeting.bundle.json";
import * as host from "./flowconf-host.js";
import { spillObjectFor } from "./flowconf-spill.mjs";

host.useBundle(bundle);

export default { fetch: host.fetch };

export const FlowconfSpill = spillObjectFor(host);
