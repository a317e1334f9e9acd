// How the drivers print numbers; one place, so the bench and stress tables read alike.
const mibNumber = (kib) => (kib == null ? "n/a" : (kib / 1024).toFixed(1));

export const fmt = {
  ms: (v) => (v == null ? "n/a" : v < 10 ? `${v.toFixed(2)} ms` : v < 100 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`),
  /** Whole milliseconds, for waits and drains where fractions say nothing. */
  wholeMs: (v) => (v == null ? "n/a" : `${Math.round(v)} ms`),
  us: (v) => (v == null ? "n/a" : v < 100 ? `${v.toFixed(1)} µs` : `${Math.round(v)} µs`),
  rps: (v) => `${Math.round(v).toLocaleString("en-US")} req/s`,
  int: (v) => (v == null || !Number.isFinite(v) ? "n/a" : Math.round(v).toLocaleString("en-US")),
  ratio: (v) => (v == null || !Number.isFinite(v) ? "n/a" : `${v.toFixed(2)}×`),
  mib: (kib) => (kib == null ? "n/a" : `${mibNumber(kib)} MiB`),
  /** Several sizes with the unit once: `80.1, 81.0 MiB`. */
  mibs: (kibs) => `${kibs.map(mibNumber).join(", ")} MiB`,
};
