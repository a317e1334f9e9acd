// A driver's report: what it prints as it goes is also kept, and written under its table to out/<driver>/latest.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const lines = [];

/** A line of raw figures, printed and kept for the report. */
export function raw(line = "") {
  lines.push(line);
  console.log(line);
}

/** A section's title, printed in bold and kept as a Markdown heading. */
export function section(title) {
  lines.push(`## ${title}`);
  console.log(`\x1b[1m==> ${title}\x1b[0m`);
}

/** The report's time, to the second, UTC. */
export const timestamp = () => new Date().toISOString().replace(/\.\d+Z$/, "Z");

/** The machine in a few words: `2 × <model>`, `8 GiB`, the kernel. */
export function machine() {
  const cpus = os.cpus();
  return {
    cpus: `${cpus.length} × ${cpus[0]?.model ?? "?"}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    kernel: `${os.type()} ${os.release()}`,
  };
}

/** Writes `header`, `table` and every raw line so far to `file`. */
export function writeReport(file, header, table) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${header}\n${table}\n\n## Raw\n\n\`\`\`\n${lines.join("\n")}\n\`\`\`\n`);
}
