// Percentiles exactly as Excel's PERCENTILE.INC computes them, so users can check our cut points in a cell.

/** PERCENTILE.INC over ascending-sorted values: linear interpolation at rank (n − 1)·p. */
export function percentileInc(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  if (lo + 1 >= n) return a;
  return a + (h - lo) * (sorted[lo + 1]! - a);
}

/** The values of the rows not skipped, sorted ascending (NaN rows are left out). */
export function sortedValues(values: Float64Array, skip: Uint8Array | null): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if ((skip === null || skip[i] === 0) && values[i] === values[i]) count++;
  const out = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if ((skip === null || skip[i] === 0) && v === v) out[k++] = v;
  }
  return out.sort();
}

/** Cut points at the given fractions (e.g. 20/40/60/80th percentiles). */
export function cutPoints(sorted: Float64Array, fractions: readonly number[]): number[] {
  return fractions.map((p) => percentileInc(sorted, p));
}

/** Whether two or more cut points coincide, so some score bins are empty. */
export function hasCollapsedBins(cuts: readonly number[]): boolean {
  return cuts.some((c, i) => i > 0 && c === cuts[i - 1]);
}

/**
 * The same cut points as cutPoints(sortedValues(values, skip), fractions), without sorting: only the order
 * statistics PERCENTILE.INC reads (ranks lo and lo + 1 of each fraction) are selected, in O(n).
 */
export function selectCutPoints(values: Float64Array, skip: Uint8Array | null, fractions: readonly number[]): number[] {
  let count = 0;
  for (let i = 0; i < values.length; i++) if ((skip === null || skip[i] === 0) && values[i] === values[i]) count++;
  const data = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if ((skip === null || skip[i] === 0) && v === v) data[k++] = v;
  }
  const n = count;
  if (n === 0) return fractions.map(() => NaN);
  const ranks = new Set<number>();
  for (const p of fractions) {
    const lo = Math.floor((n - 1) * p);
    ranks.add(lo);
    if (lo + 1 < n) ranks.add(lo + 1);
  }
  const wanted = [...ranks].sort((a, b) => a - b);
  selectRanks(data, 0, n - 1, wanted, 0, wanted.length - 1, 2 * Math.ceil(Math.log2(n + 1)));
  fixZeroSigns(data, wanted);
  return fractions.map((p) => percentileInc(data, p));
}

/** Put the order statistic of every wanted rank (ascending, within [lo, hi]) at its index: a multi-quickselect. */
function selectRanks(a: Float64Array, lo: number, hi: number, ranks: readonly number[], r0: number, r1: number, depth: number): void {
  while (r0 <= r1 && lo < hi) {
    if (hi - lo < 24 || depth-- <= 0) {
      a.subarray(lo, hi + 1).sort(); // small (or pathological) range: a native sort settles it
      return;
    }
    // Median of three as pivot, then a three-way partition (RFM columns are full of ties).
    const x = a[lo]!;
    const y = a[(lo + hi) >>> 1]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // Branch-free Lomuto passes (a data-dependent branch mispredicts on every other element): first
    // everything below the pivot to the front, then everything equal to it.
    let lt = lo;
    for (let i = lo; i <= hi; i++) {
      const v = a[i]!;
      a[i] = a[lt]!;
      a[lt] = v;
      lt += +(v < pivot);
    }
    let eq = lt;
    if (ranks[r1]! >= lt) {
      for (let i = lt; i <= hi; i++) {
        const v = a[i]!;
        a[i] = a[eq]!;
        a[eq] = v;
        eq += +(v <= pivot);
      }
    }
    const gt = eq - 1;
    // [lo, lt) < pivot, [lt, gt] = pivot, (gt, hi] > pivot: ranks inside the middle band are settled.
    let left = r0;
    while (left <= r1 && ranks[left]! < lt) left++;
    let right = left;
    while (right <= r1 && ranks[right]! <= gt) right++;
    if (left - 1 >= r0) selectRanks(a, lo, lt - 1, ranks, r0, left - 1, depth);
    lo = gt + 1;
    r0 = right;
  }
}

/** Partitioning treats −0 and 0 as equal; a sort puts −0 first. Give selected zeros the sign a sort would. */
function fixZeroSigns(a: Float64Array, ranks: readonly number[]): void {
  if (!ranks.some((r) => a[r] === 0)) return;
  let below = 0;
  let negativeZeros = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (v < 0) below++;
    else if (v === 0 && Object.is(v, -0)) negativeZeros++;
  }
  for (const r of ranks) if (a[r] === 0) a[r] = r < below + negativeZeros ? -0 : 0;
}
