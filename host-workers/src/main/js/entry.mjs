// The Worker's entry, the only hand-written JS besides flowconf-spill.mjs: workerd wants a default-exported handler
// object, where TeaVM emits named exports, and the spill Durable Object's class, which TeaVM cannot emit.
import * as host from "./flowconf-host.js";
import { spillObjectFor } from "./flowconf-spill.mjs";

export default { fetch: host.fetch };

/** SPILL-HOST-1's storage: payloads in this object's SQLite storage (FetchHandler.spillWrite/spillTake). */
export const FlowconfSpill = spillObjectFor(host);
