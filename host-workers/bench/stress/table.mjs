// The stress table: one row per host and check, with the rule that decides PASS or FAIL (INFO: figures only, the
// rule not applied).

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
    /** Markdown, columns padded so the text reads as a table too. */
    render() {
      const header = ["Host", "Check", "Measured", "Pass rule", "Result"];
      const cells = [header, ...rows.map((r) => [r.host, r.check, r.measured, r.rule, r.passed == null ? "INFO" : r.passed ? "PASS" : "FAIL"])];
      const widths = header.map((_, i) => Math.max(...cells.map((c) => c[i].length)));
      const line = (c) => `| ${c.map((text, i) => text.padEnd(widths[i])).join(" | ")} |`;
      return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.slice(1).map(line)].join("\n");
    },
  };
}

export const fmt = {
  int: (v) => Math.round(v).toLocaleString("en-US"),
  mib: (kib) => (kib == null ? "n/a" : (kib / 1024).toFixed(1)),
  ms: (v) => (v == null ? "n/a" : `${Math.round(v)} ms`),
};
