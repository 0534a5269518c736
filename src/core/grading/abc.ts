// Pareto / ABC: customers by revenue, best first; A while the revenue share before a customer is below
// the first cut point (80%), B below the second (95%), else C.
import { loc, type Localized } from '../i18n.ts';
import type { AbcMode } from '../scheme/schema.ts';
import { compareIds } from './ids.ts';
import { indicesByValueDesc } from './sort.ts';

/** Order of grading: revenue descending, ties by customer id ascending. */
export function abcOrder(values: Float64Array, ids: readonly string[], skip: Uint8Array | null): Uint32Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (skip === null || skip[i] === 0) count++;
  const order = new Uint32Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (skip === null || skip[i] === 0) order[k++] = i;
  const sorted = indicesByValueDesc(values, order);
  // Equal revenues: by customer id, within each run of ties.
  for (let start = 0; start < sorted.length; ) {
    let end = start + 1;
    while (end < sorted.length && values[sorted[end]!] === values[sorted[start]!]) end++;
    if (end - start > 1) sorted.subarray(start, end).sort((a, b) => compareIds(ids[a]!, ids[b]!));
    start = end;
  }
  return sorted;
}

export function abcTiers(
  mode: AbcMode,
  values: Float64Array,
  ids: readonly string[],
  skip: Uint8Array | null,
  out: Int16Array,
): { cumulativeShare: Float64Array; warnings: Localized[] } {
  const n = values.length;
  const share = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) if (skip !== null && skip[i] !== 0) out[i] = -1;
  const order = abcOrder(values, ids, skip);
  // Negative revenue (net refunds) counts as none: shares stay within 0–100% and cannot push others down.
  let total = 0;
  for (const i of order) total += Math.max(0, values[i]!);
  const last = mode.cuts.length;
  if (!(total > 0)) {
    for (const i of order) out[i] = last;
    return {
      cumulativeShare: share,
      warnings: [loc('总收入不大于 0，无法按收入占比分 ABC，所有客户归入最后一级', 'Total revenue is not above 0, so ABC shares cannot be computed; every customer is in the last tier')],
    };
  }
  // A share that equals a cut point up to rounding counts as reaching it (not below it).
  const limits = mode.cuts.map((c) => c * total - total * 1e-12);
  let before = 0;
  for (const i of order) {
    share[i] = before / total;
    let t = 0;
    while (t < last && !(before < limits[t]!)) t++;
    out[i] = t;
    before += Math.max(0, values[i]!);
  }
  return { cumulativeShare: share, warnings: [] };
}
