// Section 8, kernel: the JMH figures ci/bench measured before this driver ran (--jmh-json), one row each.
import fs from "node:fs";
import { raw, section } from "../lib/report.mjs";
import { row } from "../lib/results.mjs";

export function jmh(file) {
  if (!file || !fs.existsSync(file)) return;
  section("8. Kernel (JMH, from ci/bench's first section)");
  for (const b of JSON.parse(fs.readFileSync(file, "utf8"))) {
    const name = b.benchmark.replace(/^.*\./, "");
    const m = b.primaryMetric;
    const unit = m.scoreUnit.replace(/^us\//, "µs/");
    const text = `${m.score.toFixed(2)}${Number.isFinite(m.scoreError) ? ` ± ${m.scoreError.toFixed(2)}` : ""} ${unit}`;
    raw(`  ${name.padEnd(28)} ${text}`);
    row(8, `Kernel JMH: ${name}`, text, "—", "—", "—", null);
  }
}
