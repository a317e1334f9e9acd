// The isolation check, run by the conformance runner (`flowconf isolate`, conformance's isolation package) so that
// ci/stress and `./mvnw verify` hold hosts to one and the same check.
import { launch, logOf, waitForExit } from "../lib/processes.mjs";

const SUMMARY = /^isolation (\S+): (\d+) requests to (.+), (\d+) in flight: (\d+) mismatches, (\d+) failed \(([\d.]+) s\)$/m;

/** Runs `java -jar runnerJar isolate` on one target; resolves with its counts and its printed lines. */
export async function isolate(runnerJar, name, url, { requests, inFlight, timeoutMs = 120_000 }) {
  const run = launch(`isolate-${name}`, "java", ["-jar", runnerJar, "isolate", "--target", `${name}=${url}`,
    "--requests", String(requests), "--in-flight", String(inFlight), "--show", "5"]);
  const exit = await waitForExit(run, timeoutMs);
  const output = logOf(run);
  const m = SUMMARY.exec(output);
  return {
    exit,
    lines: output.trimEnd().split("\n"),
    ...(m ? { requests: Number(m[2]), routes: m[3], inFlight: Number(m[4]), mismatches: Number(m[5]),
      failed: Number(m[6]), seconds: Number(m[7]) } : { requests: null }),
  };
}
