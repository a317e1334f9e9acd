# Shared helpers for the ci/ scripts. Source it; do not run it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MVNW=("$ROOT/mvnw" -B -ntp)

# cargo (Rust) builds the kernel tests' serde_json oracle (reference-kernel/serde-oracle). rustup installs it in
# ~/.cargo/bin, which a non-login shell may not have on PATH; Maven, started from these scripts, inherits this.
if ! command -v cargo >/dev/null 2>&1 && [ -x "${CARGO_HOME:-$HOME/.cargo}/bin/cargo" ]; then
  export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
fi

REFERENCE_JAR="$ROOT/reference-host/target/reference-host.jar"
WORKERD_JAR="$ROOT/harness-workerd/target/harness-workerd.jar"
WORKER_MODULE="$ROOT/host-workers/target/worker"
RUNNER_JAR="$ROOT/conformance/target/flowconf.jar"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Builds every module (tests skipped) unless all runnable artifacts already exist.
build_if_needed() {
  if [ -f "$REFERENCE_JAR" ] && [ -f "$WORKERD_JAR" ] && [ -f "$WORKER_MODULE/entry.mjs" ] && [ -f "$RUNNER_JAR" ] \
     && [ "${FLOWCONF_REBUILD:-0}" != 1 ]; then
    return
  fi
  say "building (./mvnw package, tests skipped)"
  "${MVNW[@]}" -q -DskipTests package
}

# npm_ci_once DIR WHAT: `npm ci` in DIR (saying "installing WHAT") unless its node_modules already match its lock.
npm_ci_once() {
  local dir="$1"
  if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.flowconf-lock" 2>/dev/null; then
    say "installing $2"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$dir/node_modules/.flowconf-lock"
  fi
}

# Installs host-workers/bench's node_modules (autocannon, pinned by its package-lock.json) unless they match the lock.
install_load_generator() {
  npm_ci_once "$ROOT/host-workers/bench" "the load generator (npm ci in host-workers/bench: autocannon, pinned)"
}

# Prints the Worker's modules' sizes, raw and gzip.
print_bundle_size() {
  local js
  for js in "$WORKER_MODULE"/*.js "$WORKER_MODULE"/*.wasm; do
    [ -f "$js" ] || continue
    printf 'Workers bundle %s: %d bytes raw, %d bytes gzip\n' "$(basename "$js")" \
      "$(wc -c <"$js")" "$(gzip -9c "$js" | wc -c)"
  done
}

# The SSE keep-alive interval hosts get when the suite starts them: short, so the keep-alive case
# (s2's 120 ms pauses) sees comments and idle clients are noticed quickly.
SUITE_KEEPALIVE_MS=50

# start_host NAME LOGFILE: starts a host through the runner's `flowconf serve` (the one way hosts are launched) on a
# free port in the background, its output in LOGFILE. Sets HOST_URL, HOST_PID (the host's own process: the JVM or the
# harness JVM that runs workerd; killing it ends `serve` too) and SERVE_PID.
start_host() {
  local name="$1" log="$2" announced
  java -jar "$RUNNER_JAR" serve "$name" --port 0 --keepalive-ms "$SUITE_KEEPALIVE_MS" >"$log" 2>&1 &
  SERVE_PID=$!
  HOST_URL=""
  HOST_PID=""
  for _ in $(seq 1 600); do
    announced="$(grep -o "^flowconf: $name host at http://127\.0\.0\.1:[0-9]* (pid [0-9]*)" "$log" | head -n 1 || true)"
    if [ -n "$announced" ]; then
      HOST_URL="$(grep -o 'http://127\.0\.0\.1:[0-9]*' <<<"$announced")"
      HOST_PID="$(sed 's/.*(pid \([0-9]*\))$/\1/' <<<"$announced")"
      return 0
    fi
    kill -0 "$SERVE_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "host $name did not start; its log:" >&2
  cat "$log" >&2
  return 1
}
