// The few statistics the drivers report. Missing figures (null, NaN) are left out rather than counted.

const present = (xs) => Float64Array.from(xs.filter((x) => x != null && Number.isFinite(x))).sort();

/** The median, or null when there is no figure. */
export function median(xs) {
  const v = present(xs);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Nearest-rank quantile (p50, p99 of one round's latencies), or null when there is no figure. */
export function quantile(xs, q) {
  const v = present(xs);
  if (v.length === 0) return null;
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil(q * v.length) - 1))];
}

/** [min, max] of the figures, or null when there is none. */
export function minMax(xs) {
  const v = present(xs);
  return v.length ? [v[0], v[v.length - 1]] : null;
}

export const max = (xs) => minMax(xs)?.[1] ?? null;
