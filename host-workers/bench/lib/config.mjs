// ci/bench's settings: rounds, durations and tries (BENCH_* in the environment, --quick for rough figures), and S1's
// request as every section sends it.
import { envNumber, flag } from "./args.mjs";
import { outDir } from "./paths.mjs";

export const QUICK = flag("--quick");

export const CFG = {
  rounds: envNumber("BENCH_ROUNDS", QUICK ? 1 : 3),
  seconds: envNumber("BENCH_SECONDS", QUICK ? 2 : 5),
  warmupSeconds: envNumber("BENCH_WARMUP_SECONDS", QUICK ? 1 : 3),
  connections: [1, 32],
  startupTries: QUICK ? 3 : 30, // one cold start spread 31-40 ms in a run; 10 tries' median moved by 2-4 ms run to run
  tracedTries: QUICK ? 1 : 9, // the hints' net effect (2-3 ms) is within 3 tries' spread
  // GET /stream: a try takes about a millisecond; 20 tries gave the Workers host 1.51x of the plain worker in one full
  // run where 300 tries of the same modules right after gave 1.15x. GET /site/stream takes 600 ms by design.
  ttfeTries: QUICK ? 10 : 100,
  siteTtfeTries: QUICK ? 3 : 10,
  streamTries: QUICK ? 1 : 9, // alternating between the targets: one try took 20-160 ms from run to run
  streamItems: 10_000,
  cancelTries: QUICK ? 10 : 50,
  keepAliveMs: 50, // the suite's (ci/lib.sh SUITE_KEEPALIVE_MS): hosts write an SSE comment after 50 ms of silence
  memoryFirst: 100,
  memoryThen: 10_000,
  suite: !flag("--skip-suite"),
  maxSeconds: envNumber("BENCH_MAX_SECONDS", 600), // the whole driver is aborted after this
  maxRepeats: envNumber("BENCH_MAX_REPEATS", QUICK ? 0 : 8), // disturbed load rounds repeated, at most, in the whole run
  quietWaitSeconds: envNumber("BENCH_QUIET_WAIT_SECONDS", QUICK ? 0 : 30), // at most this long for other work to end
};

export const OUT = outDir("bench");

export const S1_BODY = JSON.stringify({ value: "  HeLLo Flow WORLD  " });
export const S1_ANSWER = JSON.stringify({ value: "hello flow world" });
