/**
 * A small seeded PRNG (mulberry32) for property-based and fuzz tests, so a failure can be replayed:
 * tests take their seed from FUZZ_SEED when set and print it with every failure.
 */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

export type Rng = ReturnType<typeof prng>;

/** The seed of this run: FUZZ_SEED, else `fallback`. */
export function fuzzSeed(fallback: number): number {
  const s = Number(process.env.FUZZ_SEED);
  return Number.isFinite(s) && process.env.FUZZ_SEED !== '' && process.env.FUZZ_SEED !== undefined ? s : fallback;
}
