// The search: tier by tier, best first, choose each tier's thresholds so that the tiers above plus this one
// hold a head count inside what this tier's band and the bands below still allow. Per tier, the preferred
// value is the current one when it fits, else the handbook number nearest the exact quantile; when the tiers
// below cannot then be met (ties), other fitting values are tried (depth first, bounded).
import type { Condition } from '../scheme/schema.ts';
import { gridsFor } from './nice.ts';
import { countAt, notMeeting, responseOf, tightensUp, withValue, type Response, type Threshold } from './thresholds.ts';

export interface ShareBand {
  min: number;
  max: number;
}

export interface SearchInput {
  conditions: Condition[];
  thresholds: Threshold[][];
  cols: Readonly<Record<string, Float64Array>>;
  /** Rows the conditions grade (rated, not overridden). */
  eligible: number[];
  /** Overridden rows per tier (their tier is fixed). */
  overridden: number[];
  /** Graded customers (the shares' denominator). */
  graded: number;
  bands: readonly (ShareBand | null)[];
  /** The metric counted as revenue: the threshold moved first in a tier with several. */
  driverMetric: string | null;
}

export interface SearchResult {
  /** Per tier, the value of each of its thresholds. */
  values: number[][];
  /** Head count per tier the search expects. */
  counts: number[];
  /** Customers outside the bands, summed over the tiers (0: every tier fits). */
  deviation: number;
}

type Range = { lo: number; hi: number };

const inRange = (x: number, r: Range) => x >= r.lo && x <= r.hi;
const distance = (x: number, r: Range) => (x < r.lo ? r.lo - x : x > r.hi ? x - r.hi : 0);

/** Head-count bounds of each tier (a band's shares of the graded customers, in whole customers). */
export function countBounds(bands: readonly (ShareBand | null)[], graded: number): Range[] {
  return bands.map((b) => (b ? { lo: Math.max(0, Math.ceil(b.min * graded - 1e-9)), hi: Math.min(graded, Math.floor(b.max * graded + 1e-9)) } : { lo: 0, hi: graded }));
}

interface Option {
  values: number[];
  count: number;
}

const MAX_NODES = 400;
const MAX_ALTERNATIVES = 12;

/**
 * `coarse`: the closest values and the alternatives tried come from the coarsest grid only (a fitting value may
 * still come from a finer one): the closest mix then reads like a handbook too.
 */
export function searchThresholds(input: SearchInput, coarse = false): SearchResult {
  const { conditions, thresholds, cols, graded } = input;
  const tiers = input.bands.length;
  const bounds = countBounds(input.bands, graded);
  // What the tiers below k still allow: the rest of the customers, between the sums of their bounds.
  const below = (k: number): Range => {
    let lo = 0;
    let hi = 0;
    for (let j = k + 1; j < tiers; j++) {
      lo += bounds[j]!.lo;
      hi += bounds[j]!.hi;
    }
    return { lo: graded - hi, hi: graded - lo };
  };
  const overBy = (k: number) => input.overridden[k] ?? 0;
  let nodes = 0;
  const failed = new Set<string>();
  const current = thresholds.map((ts) => ts.map((t) => t.current));
  let best: { dev: number; values: number[][]; counts: number[] } | null = null;

  const conditionWith = (k: number, values: readonly number[]): Condition =>
    thresholds[k]!.reduce((c, t, j) => withValue(c, t.path, values[j]!), conditions[k]!);

  const dfs = (k: number, open: number[], prevC: number, values: number[][], counts: number[]): number => {
    if (k === tiers - 1) {
      const all = [...counts, graded - prevC];
      const dev = all.reduce((s, c, t) => s + distance(c, bounds[t]!), 0);
      if (!best || dev < best.dev) best = { dev, values: values.map((v) => [...v]), counts: all };
      return dev;
    }
    const key = `${k}|${JSON.stringify(values)}`;
    if (failed.has(key)) return Infinity;
    const b = below(k);
    const fit: Range = { lo: Math.max(prevC + bounds[k]!.lo, b.lo), hi: Math.min(prevC + bounds[k]!.hi, b.hi) };
    nodes++;
    const options = optionsFor(k, open, prevC + overBy(k), fit);
    let bestDev = Infinity;
    for (const o of options) {
      if (nodes > MAX_NODES && best) break;
      const cond = conditionWith(k, o.values);
      const rest = notMeeting(cond, cols, open);
      const dev = dfs(k + 1, rest, o.count, [...values, o.values], [...counts, o.count - prevC]);
      bestDev = Math.min(bestDev, dev);
      if (dev === 0) return 0;
    }
    failed.add(key);
    return bestDev;
  };

  /** The values to try for tier k, best first; out-of-range options only when nothing fits. */
  const optionsFor = (k: number, open: number[], base: number, fit: Range): Option[] => {
    const ts = thresholds[k]!;
    const cur = current[k]!;
    if (ts.length === 0) {
      return [{ values: [], count: base + open.length - notMeeting(conditions[k]!, cols, open).length }];
    }
    const target = (fit.lo + fit.hi) / 2;
    const di = Math.max(0, ts.findIndex((t) => t.metric === input.driverMetric));
    const driver = ts[di]!;
    const tryDriver = (values: number[]): { options: Option[]; closest: Option } => {
      const r = responseOf(conditionWith(k, values), driver, cols, open);
      return driverOptions(r, driver, values, di, base, fit, target);
    };
    const first = tryDriver(cur);
    if (first.options.length) return first.options;
    // The driver alone cannot: move the tier's other thresholds, nearest first, in the direction that helps.
    const more = first.closest.count < fit.lo;
    for (let j = 0; j < ts.length; j++) {
      if (j === di) continue;
      const t = ts[j]!;
      const loosen = more === tightensUp(t.op); // lower a ≥ to let more in
      const grid = gridsFor(t.unit)[0]!;
      const x = cols[t.metric]!;
      const seen = new Set<number>();
      for (const i of open) {
        // A ≥ lowered to let x in goes to floor(x); raised to keep it out, to ceil(x).
        const down = loosen === tightensUp(t.op);
        const v = down ? grid.floor(x[i]!) : grid.ceil(x[i]!);
        if (down ? v < t.current : v > t.current) seen.add(v);
      }
      const steps = [...seen].sort((a, b) => Math.abs(a - t.current) - Math.abs(b - t.current)).slice(0, 40);
      for (const v of steps) {
        const values = [...cur];
        values[j] = v;
        const got = tryDriver(values);
        if (got.options.length) return got.options;
      }
    }
    return [first.closest];
  };

  const driverOptions = (r: Response, t: Threshold, values: number[], di: number, base: number, fit: Range, target: number) => {
    const count = (v: number) => base + countAt(r, v);
    const option = (v: number): Option => {
      const vs = [...values];
      vs[di] = v;
      return { values: vs, count: count(v) };
    };
    const options: Option[] = [];
    const counts = new Set<number>();
    const add = (o: Option) => {
      if (inRange(o.count, fit) && !counts.has(o.count)) {
        counts.add(o.count);
        options.push(o);
      }
    };
    add(option(t.current));
    // The exact quantile: the data value whose head count is nearest the target.
    let q = t.current;
    let qDist = Infinity;
    const distinct: number[] = [];
    for (let i = 0; i < r.values.length; i++) if (i === 0 || r.values[i] !== r.values[i - 1]) distinct.push(r.values[i]!);
    // Just past either end too: a threshold that lets every decided row in, or none.
    if (distinct.length) {
      const lo = distinct[0]!;
      const hi = distinct.at(-1)!;
      distinct.unshift(lo - Math.max(1e-6, Math.abs(lo) * 1e-6));
      distinct.push(hi + Math.max(1e-6, Math.abs(hi) * 1e-6));
    }
    for (const u of distinct) {
      const d = Math.abs(count(u) - target);
      if (d < qDist || (d === qDist && Math.abs(u - t.current) < Math.abs(q - t.current))) {
        q = u;
        qDist = d;
      }
    }
    const grids = gridsFor(t.unit);
    const tryGrids = coarse ? grids.slice(0, 1) : grids;
    let closest = option(t.current);
    const consider = (v: number) => {
      const o = option(v);
      if (distance(o.count, fit) < distance(closest.count, fit) || (distance(o.count, fit) === distance(closest.count, fit) && Math.abs(v - q) < Math.abs(closest.values[di]! - q)))
        closest = o;
      return o;
    };
    // Coarsest grid first; on a grid, the fitting neighbour of q nearest to it.
    for (const g of grids) {
      const pair = [g.floor(q), g.ceil(q)].sort((a, b) => Math.abs(a - q) - Math.abs(b - q));
      for (const v of pair) {
        const o = option(v);
        if (inRange(o.count, fit)) add(o);
      }
    }
    for (const g of tryGrids) for (const v of [g.floor(q), g.ceil(q)]) consider(v);
    // Other fitting head counts, for when the tiers below cannot follow: one handbook value per count.
    const alternatives: Option[] = [];
    const altCounts = new Set(counts);
    for (const u of distinct) {
      if (!inRange(count(u), fit)) continue;
      for (const g of tryGrids) {
        const o = [g.floor(u), g.ceil(u)].map(consider).find((x) => inRange(x.count, fit) && !altCounts.has(x.count));
        if (o) {
          altCounts.add(o.count);
          alternatives.push(o);
          break;
        }
      }
    }
    alternatives.sort((a, b) => Math.abs(a.count - target) - Math.abs(b.count - target));
    for (const o of alternatives.slice(0, MAX_ALTERNATIVES)) add(o);
    return { options, closest };
  };

  dfs(0, input.eligible, 0, [], []);
  const found = best as { values: number[][]; counts: number[]; dev: number } | null;
  return found ? { values: found.values, counts: found.counts, deviation: found.dev } : { values: current, counts: [], deviation: Infinity };
}
