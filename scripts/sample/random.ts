// Deterministic randomness for the sample generator: every customer (and every customer × period × table)
// gets its own stream, derived by hashing the seed with the indexes. So a table can be generated alone,
// lazily, in any order, and still agree with the others; and changing one option (messy cells) does not
// shift the draws of another.

/** A uniform draw in [0, 1). */
export type Rng = () => number;

/** mulberry32: small, fast and good enough for sample data (bench/harness.ts uses it too). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit avalanche mix (murmur3 finaliser). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A stream seed from the run seed and any number of small integers (customer index, period, table). */
export function streamSeed(seed: number, ...parts: number[]): number {
  let h = mix((seed >>> 0) ^ 0x9e3779b9);
  for (const p of parts) h = mix((h ^ (p >>> 0)) + 0x7f4a7c15 + Math.imul(h, 31));
  return h;
}

/** The stream for (seed, parts…). */
export function streamOf(seed: number, ...parts: number[]): Rng {
  return mulberry32(streamSeed(seed, ...parts));
}

/** A standard normal draw (Box–Muller, one of the pair). */
export function normal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A Poisson draw: Knuth's product method for small means, a rounded normal above 30. */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}

/** An integer in [0, n). */
export function int(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** One item of a list, uniformly. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** Cumulative weights, for `pickWeighted`. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  return out;
}

/** An index drawn with the given cumulative weights (binary search). */
export function pickWeighted(rng: Rng, cum: Float64Array): number {
  const x = rng() * cum[cum.length - 1]!;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
