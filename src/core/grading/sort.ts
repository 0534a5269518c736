// Sorting a million customers by a value without a comparator: an LSD radix sort on the float's bits
// (four 16-bit passes), O(n). Used where the order decides tiers (ABC), with ties broken afterwards.

/** Indices ordered by value, highest first; equal values keep their input order (the sort is stable). */
export function indicesByValueDesc(values: Float64Array, indices: Uint32Array): Uint32Array {
  const n = indices.length;
  // Map each float to an unsigned 64-bit key (hi, lo) that orders like the float, then invert for descending.
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  // The float's own bits, read through a 32-bit view (typed arrays use the platform's byte order).
  const f = new Float64Array(n);
  // −0 keyed as 0: equal values keep their input order, whatever the sign of a zero.
  for (let k = 0; k < n; k++) f[k] = values[indices[k]!]! + 0;
  const words32 = new Uint32Array(f.buffer);
  const little = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;
  const highWord = little ? 1 : 0;
  for (let k = 0; k < n; k++) {
    let h = words32[2 * k + highWord]!;
    let l = words32[2 * k + 1 - highWord]!;
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    hi[k] = ~h >>> 0;
    lo[k] = ~l >>> 0;
  }
  // All four digit histograms in one read; a pass whose digit is the same for every key (the low mantissa
  // bits of whole amounts, say) moves nothing and is skipped.
  const counts = [new Uint32Array(65_537), new Uint32Array(65_537), new Uint32Array(65_537), new Uint32Array(65_537)] as const;
  const [c0, c1, c2, c3] = counts;
  for (let k = 0; k < n; k++) {
    const l = lo[k]!;
    const h = hi[k]!;
    c0[(l & 0xffff) + 1]!++;
    c1[(l >>> 16) + 1]!++;
    c2[(h & 0xffff) + 1]!++;
    c3[(h >>> 16) + 1]!++;
  }
  let order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  let next = new Uint32Array(n);
  const passes: [Uint32Array, number, Uint32Array][] = [
    [lo, 0, c0],
    [lo, 16, c1],
    [hi, 0, c2],
    [hi, 16, c3],
  ];
  for (const [words, shift, count] of passes) {
    if (count.some((c) => c === n)) continue;
    for (let d = 1; d < 65_537; d++) count[d] = count[d]! + count[d - 1]!;
    for (let k = 0; k < n; k++) {
      const o = order[k]!;
      const d = (words[o]! >>> shift) & 0xffff;
      next[count[d]!] = o;
      count[d] = count[d]! + 1;
    }
    [order, next] = [next, order];
  }
  const out = new Uint32Array(n);
  for (let k = 0; k < n; k++) out[k] = indices[order[k]!]!;
  return out;
}
