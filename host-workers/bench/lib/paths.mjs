// Where the drivers find what they measure: the artifacts ci/ builds, and this directory's own baselines.
import path from "node:path";

export const BENCH_DIR = path.resolve(import.meta.dirname, "..");
export const ROOT = path.resolve(BENCH_DIR, "../..");

export const REFERENCE_JAR = path.join(ROOT, "reference-host/target/reference-host.jar");
/** The bare Jetty baseline lives in the reference host's test sources (dev.flowconf.reference.bench). */
export const REFERENCE_TEST_CLASSES = path.join(ROOT, "reference-host/target/test-classes");
export const WORKERD_JAR = path.join(ROOT, "harness-workerd/target/harness-workerd.jar");
export const RUNNER_JAR = path.join(ROOT, "conformance/target/flowconf.jar");
/** The Worker as built and shipped: TeaVM's Wasm GC module and its glue. */
export const WORKER_MODULE = path.join(ROOT, "host-workers/target/worker");
/** The same host as TeaVM JavaScript, which node runs (ci/budget) and section 5 compares. */
export const WORKER_JS_MODULE = path.join(ROOT, "host-workers/target/worker-js");
export const WORKERD_BIN = path.join(ROOT, "harness-workerd/node_modules/@cloudflare/workerd-linux-64/bin/workerd");

export const PLAIN_MODULE = path.join(BENCH_DIR, "plain-worker");
export const WORKERD_CONFIG_TEMPLATE = path.join(BENCH_DIR, "workerd.capnp.template");

/** out/<driver>: each driver's latest.md and logs. */
export const outDir = (driver) => path.join(ROOT, "out", driver);
