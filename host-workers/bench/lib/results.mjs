// ci/bench's table: one row per figure, ordered by section (rows of a section in the order measured).
import { markdownTable } from "./table.mjs";

const rows = [];

/** status: true met, false NOT MET, null no target (—), undefined not measured (n/a); `note` follows the status. */
export function row(item, what, measured, baseline, ratio, target, status, note = "") {
  const s = status === true ? "met" : status === false ? "NOT MET" : status === undefined ? "n/a" : "—";
  rows.push([item, what, measured, baseline, ratio, target, note ? `${s} (${note})` : s]);
}

export function renderResults() {
  const sorted = [...rows].sort((a, b) => a[0] - b[0]); // stable: phase order within an item
  return markdownTable(["#", "What", "Measured", "Baseline", "Ratio", "Target", "Status"], sorted);
}
