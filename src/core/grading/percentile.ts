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
