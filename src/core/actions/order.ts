// The action lists run to a million customers: a comparator sort of that many items calls its comparator some
// twenty million times. The lists are ordered by numbers (value at stake, then a second number), largest first,
// ties in list order: a stable radix sort over the numbers' bits gives that order in a few linear passes.

/** Below this many items the built-in sort is as quick. */
const RADIX_FROM = 512;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * `items` ordered by `keys` (the first decides, the next breaks its ties …), each largest first, then in their
 * order in `items` — what `items.sort(byKeys)` gives for `byKeys = (a, b) => kb1 - ka1 || kb2 - ka2 || …` on
 * items held in list order. Where a key is not a finite number the comparator decides (`fallback`).
 */
export function orderedByKeys<T>(
  items: T[],
  keys: readonly ((x: T) => number)[],
  fallback: (a: T, b: T) => number,
): T[] {
  const n = items.length;
  if (n < RADIX_FROM) return items.sort(fallback);
  // Each key as two 32-bit words that compare as unsigned integers in the order wanted (largest number first).
  const words = keys.map(() => ({
    hi: new Uint32Array(n),
    lo: new Uint32Array(n),
  }));
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const { hi, lo } = words[k]!;
    for (let i = 0; i < n; i++) {
      const v = key(items[i]!);
      if (!Number.isFinite(v)) return items.sort(fallback);
      f64[0] = v + 0; // -0 and 0 are a tie, as their difference is
      const h = u32[LITTLE ? 1 : 0]!;
      const l = u32[LITTLE ? 0 : 1]!;
      // Ascending order of the bits: flip every bit of a negative number, only the sign of a positive one; then
      // every bit once more for largest first.
      if (h & 0x80000000) {
        hi[i] = h;
        lo[i] = l;
      } else {
        hi[i] = ~(h | 0x80000000) >>> 0;
        lo[i] = ~l >>> 0;
      }
    }
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let spare = new Uint32Array(n);
  const count = new Uint32Array(65_537);
  // Least significant first: the last key's low word … the first key's high word, 16 bits a pass, each stable.
  for (let k = keys.length - 1; k >= 0; k--) {
    for (const word of [words[k]!.lo, words[k]!.hi]) {
      for (const shift of [0, 16]) {
        count.fill(0);
        for (let i = 0; i < n; i++)
          count[((word[i]! >>> shift) & 0xffff) + 1]!++;
        if (count[((word[0]! >>> shift) & 0xffff) + 1] === n) continue; // one digit throughout: nothing moves
        for (let d = 1; d < 65_537; d++) count[d]! += count[d - 1]!;
        for (let i = 0; i < n; i++) {
          const at = order[i]!;
          spare[count[(word[at]! >>> shift) & 0xffff]!++] = at;
        }
        [order, spare] = [spare, order];
      }
    }
  }
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = items[order[i]!]!;
  return out;
}
