// The stress table: one row per host and check, with the rule that decides PASS or FAIL (INFO: figures only, the
// rule not applied).
import { markdownTable } from "../lib/table.mjs";

export function createTable() {
  const rows = [];
  return {
    rows,
    /** `passed`: true, false, or null for a row whose rule is not applied (INFO). */
    add(host, check, measured, rule, passed) {
      rows.push({ host, check, measured, rule, passed });
    },
    get failures() {
      return rows.filter((r) => r.passed === false);
    },
    render() {
      return markdownTable(["Host", "Check", "Measured", "Pass rule", "Result"],
        rows.map((r) => [r.host, r.check, r.measured, r.rule, r.passed == null ? "INFO" : r.passed ? "PASS" : "FAIL"]));
    },
  };
}
