// Pareto / ABC: customers by revenue, best first; A while the revenue share before a customer is below
// the first cut point (80%), B below the second (95%), else C.
import { loc, type Localized } from '../i18n.ts';
import type { AbcMode } from '../scheme/schema.ts';
import { indicesByValueDesc } from './sort.ts';

/** A numeric id's value (ids.ts: /^\d+(\.\d+)?$/, read with Number), NaN for any other id. */
function numericId(id: string): number {
  const n = id.length;
  let i = 0;
  while (i < n && id.charCodeAt(i) >= 48 && id.charCodeAt(i) <= 57) i++;
  if (i === 0) return NaN;
  if (i < n) {
    if (id.charCodeAt(i) !== 46 /* . */) return NaN;
    const dot = ++i;
    while (i < n && id.charCodeAt(i) >= 48 && id.charCodeAt(i) <= 57) i++;
    if (i === dot || i < n) return NaN;
  }
  return Number(id);
}

/**
 * compareIds over a precomputed numeric value (NaN = not numeric): numbers first, by value, then by code
 * unit. A NaN difference (two infinite ids) counts as equal, as a comparator returning NaN does.
 */
function compareKeys(x: number, s: string, y: number, t: string): number {
  const xn = x === x;
  if (xn !== (y === y)) return xn ? -1 : 1;
  if (xn) {
    const d = x - y;
    if (d !== 0) return d < 0 ? -1 : d > 0 ? 1 : 0;
  }
  return s < t ? -1 : s > t ? 1 : 0;
}

/** Whether the ids of the given rows never decrease in row order: one sequential pass. */
function idsAscending(ids: readonly string[], rows: Uint32Array): boolean {
  if (rows.length === 0) return true;
  let prev = ids[rows[0]!]!;
  let prevNum = numericId(prev);
  for (let k = 1; k < rows.length; k++) {
    const id = ids[rows[k]!]!;
    const num = numericId(id);
    if (compareKeys(prevNum, prev, num, id) > 0) return false;
    prev = id;
    prevNum = num;
  }
  return true;
}

/** Order of grading: revenue descending, ties by customer id ascending. */
export function abcOrder(values: Float64Array, ids: readonly string[], skip: Uint8Array | null): Uint32Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (skip === null || skip[i] === 0) count++;
  const order = new Uint32Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (skip === null || skip[i] === 0) order[k++] = i;
  const sorted = indicesByValueDesc(values, order);
  // Ids already ascending (a sheet sorted by customer id): the stable sort (−0 keyed as 0) has put every
  // tie in id order.
  if (idsAscending(ids, order)) return sorted;
  // Equal revenues: by customer id, within each run of ties. Id keys are read once, only for tied rows.
  const num = new Float64Array(values.length);
  const cmp = (a: number, b: number) => compareKeys(num[a]!, ids[a]!, num[b]!, ids[b]!);
  for (let start = 0; start < sorted.length; ) {
    const v = values[sorted[start]!];
    let end = start + 1;
    while (end < sorted.length && values[sorted[end]!] === v) end++;
    if (end - start > 1) {
      for (let j = start; j < end; j++) num[sorted[j]!] = numericId(ids[sorted[j]!]!);
      if (end - start <= 16) {
        // Insertion sort: stable, and fastest for the short runs that are the rule.
        for (let j = start + 1; j < end; j++) {
          const x = sorted[j]!;
          let h = j - 1;
          while (h >= start && cmp(sorted[h]!, x) > 0) {
            sorted[h + 1] = sorted[h]!;
            h--;
          }
          sorted[h + 1] = x;
        }
      } else sorted.set(Array.from(sorted.subarray(start, end)).sort(cmp), start);
    }
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
  if (skip !== null) for (let i = 0; i < n; i++) if (skip[i] !== 0) out[i] = -1;
  const order = abcOrder(values, ids, skip);
  const m = order.length;
  // Negative revenue (net refunds) counts as none: shares stay within 0–100% and cannot push others down.
  let total = 0;
  for (let k = 0; k < m; k++) total += Math.max(0, values[order[k]!]!);
  const last = mode.cuts.length;
  if (!(total > 0)) {
    for (let k = 0; k < m; k++) out[order[k]!] = last;
    return {
      cumulativeShare: share,
      warnings: [loc('总收入不大于 0，无法按收入占比分 ABC，所有客户归入最后一级', 'Total revenue is not above 0, so ABC shares cannot be computed; every customer is in the last tier')],
    };
  }
  // A share that equals a cut point up to rounding counts as reaching it (not below it).
  const limits = mode.cuts.map((c) => c * total - total * 1e-12);
  let before = 0;
  let t = 0;
  for (let k = 0; k < m; k++) {
    const i = order[k]!;
    share[i] = before / total;
    // The running sum only grows, so the tier only moves down the cut points.
    while (t < last && !(before < limits[t]!)) t++;
    out[i] = t;
    before += Math.max(0, values[i]!);
  }
  return { cumulativeShare: share, warnings: [] };
}
