/** A small seeded generator (mulberry32), so a run that fails can be run again the same way. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed: fixed unless the environment names another, e.g. `RESILIENCE_SEED=7`. */
export function testSeed(fixed: number): number {
  const named = Number(process.env.RESILIENCE_SEED);
  return Number.isInteger(named) && named > 0 ? named : fixed;
}
