// Tier mix (等级分布): how many customers and how much revenue each tier holds, against what the scheme expects.
import type { GradeResult } from '../grading/grade.ts';
import type { Scheme } from '../scheme/schema.ts';

export interface TierMixRow {
  tier: string;
  customers: number;
  /** Share of graded customers (0–1). */
  customerShare: number;
  revenue: number;
  /** Share of total revenue (0–1); NaN when total revenue is 0. */
  revenueShare: number;
  /** Revenue per customer; NaN for an empty tier. */
  average: number;
  expected: { min: number; max: number } | null;
  /** Whether the customer share lies outside the expected band (false when none is stated). */
  outsideExpected: boolean;
}

export interface TierMix {
  rows: TierMixRow[];
  unrated: number;
  graded: number;
  totalRevenue: number;
  /** The metric counted as revenue, or null when the scheme has none the data holds. */
  revenueMetric: string | null;
  /** Share of revenue from the top 20% of graded customers by revenue (the Pareto line); NaN without revenue. */
  top20RevenueShare: number;
}

/** The metric that stands for revenue: the scheme's value metric, else annual spend when graded on it. */
export function revenueMetricOf(scheme: Scheme): string | null {
  if (scheme.valueMetric) return scheme.valueMetric;
  return scheme.criteria.some((c) => c.metric === 'annualSpend') ? 'annualSpend' : null;
}

/**
 * Compute the mix from tiers and (optionally) a revenue column. Revenue blanks count as 0 here:
 * the mix reports what was booked, not a grade.
 */
export function tierMix(scheme: Scheme, tier: Int16Array, revenue: Float64Array | null, revenueMetric: string | null): TierMix {
  return drainSteps(tierMixSteps(scheme, tier, revenue, revenueMetric));
}

/** Values counted, or compared while selecting the largest, between two yields. */
const PER_STEP = 262_144;

/** The result of a stage written as a generator, in one go. */
function drainSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/** tierMix, yielding between parts of the work: a million customers' mix takes a tenth of a second. */
export function* tierMixSteps(scheme: Scheme, tier: Int16Array, revenue: Float64Array | null, revenueMetric: string | null): Generator<void, TierMix> {
  const k = scheme.tiers.length;
  const counts = new Float64Array(k);
  const sums = new Float64Array(k);
  let unrated = 0;
  // The graded customers' revenue, for the Pareto line (typed: a million of them are sorted).
  const graded = new Float64Array(revenue ? tier.length : 0);
  let g = 0;
  for (let i = 0; i < tier.length; i++) {
    if (i > 0 && i % PER_STEP === 0) yield;
    const t = tier[i]!;
    if (t < 0) {
      unrated++;
      continue;
    }
    counts[t] = counts[t]! + 1;
    const v = revenue ? revenue[i]! : 0;
    if (revenue) {
      sums[t] = sums[t]! + (v === v ? v : 0);
      graded[g++] = v === v ? v : 0;
    }
  }
  const n = tier.length - unrated;
  let total = 0;
  for (let t = 0; t < k; t++) total += sums[t]!;
  const rows = scheme.tiers.map((def, t): TierMixRow => {
    const customers = counts[t]!;
    const share = n > 0 ? customers / n : 0;
    const expected = def.expectedShare ?? null;
    return {
      tier: def.id,
      customers,
      customerShare: share,
      revenue: sums[t]!,
      revenueShare: total !== 0 ? sums[t]! / total : NaN,
      average: customers > 0 ? sums[t]! / customers : NaN,
      expected,
      outsideExpected: expected !== null && n > 0 && (share < expected.min - 1e-12 || share > expected.max + 1e-12),
    };
  });
  let top20 = NaN;
  if (revenue && total > 0 && g > 0) {
    // Only the top fifth is sorted (ascending, the largest added first, as when everything was).
    const top = Math.ceil(g * 0.2);
    yield;
    const sorted = yield* largestLastSteps(graded.subarray(0, g), g - top);
    let s = 0;
    for (let i = g - 1; i >= g - top; i--) s += sorted[i]!;
    top20 = s / total;
  }
  return { rows, unrated, graded: n, totalRevenue: total, revenueMetric: revenue ? revenueMetric : null, top20RevenueShare: top20 };
}

/**
 * `a` with its values from position `k` on the largest ones, sorted ascending; the rest in no order. Wirth's
 * selection puts the k-th smallest at k in linear time; should it take too many rounds, everything is sorted.
 */
export function largestLast(a: Float64Array, k: number): Float64Array {
  return drainSteps(largestLastSteps(a, k));
}

/** largestLast, yielding between rounds over many values and before the sort. */
export function* largestLastSteps(a: Float64Array, k: number): Generator<void, Float64Array> {
  let lo = 0;
  let hi = a.length - 1;
  for (let rounds = 0; hi > lo && k <= hi && k >= lo; rounds++) {
    if (rounds > 60) return a.sort();
    const x = a[k]!;
    let i = lo;
    let j = hi;
    do {
      while (a[i]! < x) i++;
      while (x < a[j]!) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    } while (i <= j);
    if (j < k) lo = i;
    if (k < i) hi = j;
    if (hi - lo > PER_STEP) yield;
  }
  if (a.length - k > PER_STEP / 4) yield;
  a.subarray(k).sort();
  return a;
}

/** The mix of a grading run, with revenue from the scheme's value metric when the data holds it. */
export function tierMixOf(result: GradeResult): TierMix {
  return drainSteps(tierMixOfSteps(result));
}

/** tierMixOf, yielding between parts of the work (see tierMixSteps). */
export function tierMixOfSteps(result: GradeResult): Generator<void, TierMix> {
  const metric = revenueMetricOf(result.scheme);
  const revenue = metric ? (result.values[metric] ?? result.table.metrics[metric]?.values ?? null) : null;
  return tierMixSteps(result.scheme, result.tier, revenue, metric);
}
