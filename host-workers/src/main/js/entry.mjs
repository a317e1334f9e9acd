// The only hand-written JS: workerd wants a default-exported handler object, TeaVM emits named exports.
import { fetch } from "./flowconf-host.js";
export default { fetch };
