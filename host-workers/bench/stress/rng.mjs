// A seeded random number generator (mulberry32), so a storm can be replayed: same seed, same plans.

/** A fresh seed when none is given: a 32-bit unsigned integer. */
export function freshSeed() {
  return (Date.now() ^ (process.pid << 16) ^ Math.floor(Math.random() * 2 ** 32)) >>> 0;
}

/** Uniform numbers in [0, 1) from `seed`, plus the helpers the storm uses. */
export function seeded(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    next,
    /** An integer in [min, max], both included. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /** One of `choices` ([value, weight] pairs), by weight. */
    weighted: (choices) => {
      const total = choices.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [value, w] of choices) {
        if ((r -= w) < 0) return value;
      }
      return choices[choices.length - 1][0];
    },
  };
}
