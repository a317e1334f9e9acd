// The processes a driver starts: each with its output in a log file of its own, all of them stopped when the driver
// ends (normally, on an error, by a signal or by its watchdog).
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ROOT } from "./paths.mjs";
import { readText, workerdChildOf } from "./proc.mjs";

const children = new Set();
let logDir = null;
let logSerial = 0;

function stopAll(signal = "SIGTERM") {
  for (const c of children) {
    try {
      if (c.nativePid) process.kill(c.nativePid, signal);
    } catch {}
    try {
      c.process.kill(signal);
    } catch {}
  }
}
process.on("exit", () => stopAll("SIGKILL"));
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    stopAll();
    process.exit(130);
  });
}

/** Where launch() writes its logs: `dir`/NN-name.log. */
export function logTo(dir) {
  fs.mkdirSync(dir, { recursive: true });
  logDir = dir;
}

/**
 * Starts `command` with stdout and stderr in a log file of its own. The entry's `nativePid`, when set, is a process
 * it spawned that must be stopped with it (workerd under the harness JVM).
 */
export function launch(name, command, args, { cwd = ROOT } = {}) {
  if (!logDir) throw new Error("launch before logTo");
  const logPath = path.join(logDir, `${String(++logSerial).padStart(2, "0")}-${name}.log`);
  const log = fs.openSync(logPath, "w");
  const proc = spawn(command, args, { stdio: ["ignore", log, log], cwd });
  fs.closeSync(log);
  const entry = { name, process: proc, logPath, nativePid: null };
  children.add(entry);
  entry.exited = new Promise((resolve) => proc.on("exit", (code, signal) => resolve(code ?? signal)));
  entry.exited.then(() => children.delete(entry));
  return entry;
}

export const isRunning = (entry) => children.has(entry);
export const logOf = (entry) => readText(entry.logPath);

/** SIGTERM, then SIGKILL after `graceMs`. */
export async function stop(entry, graceMs = 10_000) {
  if (!children.has(entry)) return;
  entry.process.kill("SIGTERM");
  const done = await Promise.race([entry.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) {
    entry.process.kill("SIGKILL");
    if (entry.nativePid) {
      try {
        process.kill(entry.nativePid, "SIGKILL");
      } catch {}
    }
    await entry.exited;
  }
}

/** Its exit code (or signal); "timeout" when it ran longer than `limitMs`, and then it is stopped. */
export async function waitForExit(entry, limitMs) {
  const code = await Promise.race([entry.exited, sleep(limitMs).then(() => "timeout")]);
  if (code === "timeout") await stop(entry, 1000);
  return code;
}

/** Waits until the log shows `pattern` (a server's "listening on <url>"); resolves with the match. */
export async function waitForLog(entry, pattern, limitMs = 60_000) {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const m = logOf(entry).match(pattern);
    if (m) return m;
    if (!isRunning(entry)) throw new Error(`${entry.name} exited before listening; log ${entry.logPath}:\n${logOf(entry)}`);
    if (Date.now() > deadline) throw new Error(`${entry.name} did not start within ${limitMs / 1000} s; log ${entry.logPath}`);
    await sleep(50);
  }
}

/** The native workerd under the harness JVM (the harness spawns the binary directly), once it is there. */
export async function awaitWorkerdChild(javaPid) {
  for (let i = 0; i < 100; i++) {
    const pid = workerdChildOf(javaPid);
    if (pid != null) return pid;
    await sleep(50);
  }
  throw new Error(`no workerd process under pid ${javaPid}`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Aborts the driver after `seconds`: its processes stopped, exit status 124. */
export function armWatchdog(seconds, message) {
  setTimeout(() => {
    console.error(message);
    stopAll();
    setTimeout(() => process.exit(124), 1000);
  }, seconds * 1000).unref();
}

/** Runs a driver's main: exits with the status it resolves with (0 if none), or `failureCode` on an error. */
export function runDriver(name, main, failureCode) {
  main().then(
    (code) => process.exit(code ?? 0),
    (e) => {
      console.error(`${name}: ${e.stack ?? e}`);
      stopAll();
      setTimeout(() => process.exit(failureCode), 500);
    },
  );
}
