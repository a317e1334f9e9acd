// Whether a host's resident set size stayed flat over the memory check's rounds.

/**
 * Whether RSS stayed flat over the rounds: the last sample at most `tolerancePct` % above the second (the first
 * round warms up: JIT, heap sizing, V8 tiers). Samples in KiB.
 */
export function isFlat(samples, tolerancePct) {
  if (samples.length < 3 || samples.some((s) => s == null)) return false;
  return samples[samples.length - 1] <= samples[1] * (1 + tolerancePct / 100);
}
