// The four servers ci/bench compares, started on free ports: the Workers host and the plain JS worker (each in
// workerd under the harness JVM), the reference host and the bare Jetty handler (each a JVM).
import http from "node:http";
import path from "node:path";
import { CFG, S1_ANSWER, S1_BODY } from "./config.mjs";
import { request } from "./http.mjs";
import { PLAIN_MODULE, REFERENCE_JAR, REFERENCE_TEST_CLASSES, RUNNER_JAR, WORKERD_JAR } from "./paths.mjs";
import { awaitWorkerdChild, launch, stop, waitForLog } from "./processes.mjs";

export const HOSTS = {
  workers: { label: "Workers host (TeaVM in workerd)", workerd: true },
  plain: { label: "plain JS worker (same workerd)", workerd: true },
  reference: { label: "reference host (Jetty + kernel)", workerd: false },
  bare: { label: "bare Jetty handler (no kernel)", workerd: false },
};

/**
 * The one place a server's command line is made. The two hosts start as everywhere else in the project, through the
 * runner's `flowconf serve`, which announces `flowconf: <kind> host at <url> (pid <host's pid>)`; the baselines are
 * not hosts of this checkout: the plain worker runs in the harness (`--module-dir`), the bare handler in its own JVM,
 * and each prints `listening on <url>`.
 */
function hostCommand(kind, keepAliveMs) {
  const ka = keepAliveMs == null ? [] : ["--keepalive-ms", String(keepAliveMs)];
  switch (kind) {
    case "workers":
    case "reference":
      return ["java", ["-jar", RUNNER_JAR, "serve", kind, "--port", "0", ...ka]];
    case "plain":
      return ["java", ["-jar", WORKERD_JAR, "--module-dir", PLAIN_MODULE, "--port", "0", ...ka]];
    case "bare":
      return ["java", ["-cp", `${REFERENCE_JAR}${path.delimiter}${REFERENCE_TEST_CLASSES}`,
        "dev.flowconf.reference.bench.BareJettyEcho", "--port", "0"]];
    default:
      throw new Error(kind);
  }
}

const ANNOUNCED = /flowconf: \w+ host at (http:\/\/127\.0\.0\.1:\d+) \(pid (\d+)\)/;
const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;

/**
 * Starts a server on a free port; resolves once its log names the URL. `pid` is the serving process: workerd itself
 * for the workerd servers (not the harness JVM that spawns it), the host's JVM for the reference host (not `serve`'s).
 */
export async function startHost(kind, { keepAliveMs = CFG.keepAliveMs } = {}) {
  const [cmd, args] = hostCommand(kind, keepAliveMs);
  const entry = launch(kind, cmd, args);
  const served = kind === "workers" || kind === "reference";
  const [, url, announcedPid] = await waitForLog(entry, served ? ANNOUNCED : LISTENING);
  const { label, workerd } = HOSTS[kind];
  const launcherPid = served ? Number(announcedPid) : entry.process.pid;
  const pid = workerd ? await awaitWorkerdChild(launcherPid) : launcherPid;
  if (workerd) entry.nativePid = pid;
  const host = { kind, label, workerd, url, port: Number(new URL(url).port), pid, entry, keepAliveMs,
    agent: new http.Agent({ keepAlive: true, maxSockets: 1 }) };
  host.stop = async () => {
    host.agent.destroy();
    await stop(entry);
  };
  return host;
}

/** POST /echo (or the host's `echoPath`) must answer S1. */
export async function checkEcho(host) {
  const res = await request(`${host.url}${host.echoPath ?? "/echo"}`, { method: "POST", body: S1_BODY });
  if (res.status !== 200 || res.body !== S1_ANSWER) {
    throw new Error(`${host.kind}: POST /echo answered ${res.status} ${res.body}, expected 200 ${S1_ANSWER}`);
  }
}
